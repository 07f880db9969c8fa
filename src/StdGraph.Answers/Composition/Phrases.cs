using StdGraph.Core.Catalogue;

namespace StdGraph.Answers.Composition;

/// <summary>The wording of deterministic answers in one language.</summary>
internal abstract class Phrases
{
    public static Phrases For(string language) => language == "zh" ? Chinese.Instance : English.Instance;

    public abstract string Sentence(string subject, IReadOnlyList<string> clauses);
    public abstract string Named(StandardEdition e);
    public abstract string Status(EditionStatus? status);
    public abstract string Adopts(string target, AdoptionDegree? degree);
    public abstract string ReplacedBy(string successor, string? successorStatus);
    public abstract string Replaces(string predecessor);
    public abstract string Cites(string target);
    public abstract string IsStatus(EditionStatus status);
    public abstract string Issued(string date);
    public abstract string InFields(IEnumerable<string> fields);
    public abstract string CitedBy(int count, IEnumerable<string> sample);
    public abstract string NotInCatalogue(string code);
    public abstract string NoDirectRelation(string a, string b);
    public abstract string AdoptersHeading(string international);
    public abstract string NoAdopters(string international);
    public abstract string NoSuccessor(string code);
    public abstract string CurrentEditionOfWork(string work, string edition);
    public abstract string TopicHeading(string topic, bool national, bool valid, int count);
    public abstract string TopicNotFound(string topic, bool national);
    public abstract string RelatedInternational();
    public abstract string ListItem(StandardEdition e);
    public abstract string FieldName(Knowledge.FieldConcept field);
    public abstract string ListSeparator { get; }

    private sealed class Chinese : Phrases
    {
        public static readonly Chinese Instance = new();

        public override string ListSeparator => "、";
        public override string Sentence(string subject, IReadOnlyList<string> clauses) => subject + clauses[0] + string.Concat(clauses.Skip(1).Select(c => "；" + c)) + "。";
        public override string Named(StandardEdition e) => e.Code + (e.PreferredTitle("zh") is { } t ? $"《{t}》" : "");
        public override string Status(EditionStatus? status) => status switch
        {
            EditionStatus.Valid => "现行",
            EditionStatus.Superseded => "已被代替",
            EditionStatus.Withdrawn => "已废止",
            EditionStatus.Upcoming => "即将实施",
            EditionStatus.Draft => "制定中",
            _ => "状态未知",
        };
        public override string Adopts(string target, AdoptionDegree? degree) =>
            degree is { } d ? $"{d.ChineseLabel()} ({d}) {target}" : $"采用 {target}（采用程度未注明）";
        public override string ReplacedBy(string successor, string? successorStatus) => $"已被 {successor} 代替" + (successorStatus is null ? "" : $"（{successorStatus}）");
        public override string Replaces(string predecessor) => $"代替 {predecessor}";
        public override string Cites(string target) => $"引用 {target}";
        public override string IsStatus(EditionStatus status) => status == EditionStatus.Valid ? "现行有效" : $"状态：{Status(status)}";
        public override string Issued(string date) => $"{date} 发布";
        public override string InFields(IEnumerable<string> fields) => "属于" + string.Join("、", fields) + "领域";
        public override string CitedBy(int count, IEnumerable<string> sample) => $"被 {count} 项标准引用（如 {string.Join("、", sample)}）";
        public override string NotInCatalogue(string code) => $"目录中没有 {code}。";
        public override string NoDirectRelation(string a, string b) => $"目录中未记录 {a} 与 {b} 之间的直接关系（采用、代替或引用）。";
        public override string AdoptersHeading(string international) => $"采用 {international} 的国家标准：";
        public override string NoAdopters(string international) => $"目录中没有采用 {international} 的国家标准。";
        public override string NoSuccessor(string code) => $"目录中没有代替 {code} 的标准";
        public override string CurrentEditionOfWork(string work, string edition) => $"{work} 的现行版本是 {edition}。";
        public override string TopicHeading(string topic, bool national, bool valid, int count) =>
            $"目录中与“{topic}”相关的{(valid ? "现行" : "")}{(national ? "国家标准" : "标准")}（{count} 项）：";
        public override string TopicNotFound(string topic, bool national) => $"目录中没有关于“{topic}”的{(national ? "国家标准" : "标准")}。";
        public override string RelatedInternational() => "相关的国际标准（非国家标准）：";
        public override string ListItem(StandardEdition e) => $"- {Named(e)}（{Status(e.Status)}）";
        public override string FieldName(Knowledge.FieldConcept field) => field.Label("zh");
    }

    private sealed class English : Phrases
    {
        public static readonly English Instance = new();

        public override string ListSeparator => ", ";
        public override string Sentence(string subject, IReadOnlyList<string> clauses) => subject + " " + string.Join("; ", clauses) + ".";
        public override string Named(StandardEdition e) => e.Code + (e.PreferredTitle("en") is { } t ? $" ({t})" : "");
        public override string Status(EditionStatus? status) => status switch
        {
            EditionStatus.Valid => "valid",
            EditionStatus.Superseded => "superseded",
            EditionStatus.Withdrawn => "withdrawn",
            EditionStatus.Upcoming => "issued, not yet in force",
            EditionStatus.Draft => "draft",
            _ => "status unknown",
        };
        public override string Adopts(string target, AdoptionDegree? degree) =>
            degree is { } d ? $"adopts {target} ({d.EnglishLabel()}, {d})" : $"adopts {target} (degree not stated)";
        public override string ReplacedBy(string successor, string? successorStatus) => $"was replaced by {successor}" + (successorStatus is null ? "" : $" ({successorStatus})");
        public override string Replaces(string predecessor) => $"replaces {predecessor}";
        public override string Cites(string target) => $"cites {target}";
        public override string IsStatus(EditionStatus status) => status == EditionStatus.Valid ? "is valid" : $"is {Status(status)}";
        public override string Issued(string date) => $"was issued {date}";
        public override string InFields(IEnumerable<string> fields) => "belongs to " + string.Join(", ", fields);
        public override string CitedBy(int count, IEnumerable<string> sample) => $"is cited by {count} standard{(count == 1 ? "" : "s")} (e.g. {string.Join(", ", sample)})";
        public override string NotInCatalogue(string code) => $"The catalogue has no record of {code}.";
        public override string NoDirectRelation(string a, string b) => $"The catalogue records no direct relation (adoption, replacement or citation) between {a} and {b}.";
        public override string AdoptersHeading(string international) => $"Chinese national standards adopting {international}:";
        public override string NoAdopters(string international) => $"The catalogue records no Chinese national standard adopting {international}.";
        public override string NoSuccessor(string code) => $"the catalogue records nothing replacing {code}";
        public override string CurrentEditionOfWork(string work, string edition) => $"The current edition of {work} is {edition}.";
        public override string TopicHeading(string topic, bool national, bool valid, int count) =>
            $"{(valid ? "Valid " : "")}{(national ? (valid ? "Chinese national standards" : "Chinese national standards") : (valid ? "standards" : "Standards"))} on \"{topic}\" in the catalogue ({count}):";
        public override string TopicNotFound(string topic, bool national) => $"The catalogue holds no {(national ? "Chinese national standard" : "standard")} on \"{topic}\".";
        public override string RelatedInternational() => "Related international standards (not national standards):";
        public override string ListItem(StandardEdition e) => $"- {Named(e)}, {Status(e.Status)}";
        public override string FieldName(Knowledge.FieldConcept field) => field.Label("en");
    }
}
