using StdGraph.Core.Catalogue;
using StdGraph.Core.Codes;
using StdGraph.Rdf;

namespace StdGraph.Knowledge.Fields;

/// <summary>
/// One (standard, field) membership and why: the rule that matched, what in the record it matched, and, for a
/// broader field, the narrower field the membership is inherited from.
/// </summary>
public sealed record FieldMembership(FieldConcept Field, ClassificationRule Rule, string Evidence, FieldConcept? InheritedFrom = null)
{
    public bool IsInherited => InheritedFrom is not null;

    /// <summary>A sentence a reader can check against the record.</summary>
    public string Reason(string language = "en") => InheritedFrom is null
        ? $"{Rule.Id}: {Rule.Description(language)} [{Evidence}]"
        : language == "zh"
            ? $"属于下位领域“{InheritedFrom.Label("zh")}”（规则 {Rule.Id}：{Evidence}）"
            : $"in narrower field '{InheritedFrom.Label("en")}' (rule {Rule.Id}: {Evidence})";
}

/// <summary>
/// Applies the classification rules of the ontology to editions. Pure and thread-safe: the same edition gets the same
/// memberships, in the same order, on every run.
/// </summary>
public sealed class FieldClassifier
{
    private readonly Ontology _ontology;
    private readonly CompiledRule[] _rules;

    public FieldClassifier(Ontology ontology)
    {
        _ontology = ontology;
        _rules = ontology.Rules.Select(r => new CompiledRule(r, ontology.Concept(r.Assigns)
            ?? throw new InvalidDataException($"rule {r.Id} assigns unknown field {r.Assigns.Value}"))).ToArray();
    }

    public Ontology Ontology => _ontology;

    /// <summary>
    /// Direct memberships (one per matching rule) followed by inherited memberships of broader fields not matched
    /// directly (one per broader field, from the first direct membership that leads to it).
    /// </summary>
    public IReadOnlyList<FieldMembership> Classify(StandardEdition edition)
    {
        var subject = new Subject(edition);
        List<FieldMembership>? direct = null;
        foreach (var rule in _rules)
        {
            var evidence = rule.Match(subject);
            if (evidence is not null) (direct ??= []).Add(new FieldMembership(rule.Field, rule.Rule, evidence));
        }
        if (direct is null) return [];

        var result = new List<FieldMembership>(direct);
        var placed = new HashSet<Iri>(direct.Select(m => m.Field.Iri));
        foreach (var m in direct)
            foreach (var ancestor in _ontology.SelfAndAncestors(m.Field).Skip(1))
                if (placed.Add(ancestor.Iri)) result.Add(new FieldMembership(ancestor, m.Rule, m.Evidence, m.Field));
        return result;
    }

    /// <summary>The fields an edition is in (each once), narrowest memberships first.</summary>
    public IReadOnlyList<FieldConcept> Fields(StandardEdition edition) => Classify(edition).Select(m => m.Field).DistinctBy(f => f.Iri).ToList();

    /// <summary>The parts of a record the rules look at, prepared once.</summary>
    private sealed class Subject(StandardEdition edition)
    {
        public StandardEdition Edition { get; } = edition;
        public string? TitleZh { get; } = edition.Title("zh")?.ToLowerInvariant();
        public string? TitleEn { get; } = edition.Title("en")?.ToLowerInvariant();
        public string? Committee { get; } = edition.Committee;
        public IReadOnlyList<string> Ics => Edition.Ics;
        public StandardCode Code => Edition.ParsedCode;
    }

    private sealed class CompiledRule(ClassificationRule rule, FieldConcept field)
    {
        public ClassificationRule Rule { get; } = rule;
        public FieldConcept Field { get; } = field;
        private readonly (string Text, string? Lang, string Printed)[] _keywords = rule.Keywords.Select(k => (k.Text.ToLowerInvariant(), k.Language, k.Text)).ToArray();
        private readonly (string Text, string? Lang)[] _excludes = rule.ExcludeKeywords.Select(k => (k.Text.ToLowerInvariant(), k.Language)).ToArray();

        public string? Match(Subject s)
        {
            if (Rule.RequiredCategories.Count > 0 && !Rule.RequiredCategories.Contains(s.Edition.Category ?? "", StringComparer.OrdinalIgnoreCase)) return null;
            string? evidence = null;
            if (Rule.IcsPrefixes.Count > 0)
            {
                var ics = FirstIcsUnder(s.Ics, Rule.IcsPrefixes);
                if (ics is not null) evidence = $"ICS {ics.Value.Code} under {ics.Value.Prefix}";
            }
            if (evidence is null && Rule.Committees.Count > 0 && Rule.Kind != Sg.KeywordRule)
            {
                var c = FirstCommittee(s.Committee, Rule.Committees);
                if (c is not null) evidence = $"committee {s.Committee}";
            }
            if (evidence is null && Rule.CodePrefixes.Count > 0)
            {
                var p = Rule.CodePrefixes.FirstOrDefault(p => string.Equals(s.Code.Prefix, p, StringComparison.OrdinalIgnoreCase));
                if (p is not null) evidence = $"code prefix {p}";
            }
            // Context is cheap to check and rules out most records before any title is scanned.
            if (evidence is null && _keywords.Length > 0 && InContext(s))
            {
                foreach (var (text, lang, printed) in _keywords)
                {
                    var where = Find(s, text, lang);
                    if (where is not null) { evidence = $"keyword \"{printed}\" in {where} title"; break; }
                }
            }
            if (evidence is not null && _excludes.Any(e => Find(s, e.Text, e.Lang) is not null)) return null;
            return evidence;
        }

        private bool InContext(Subject s)
        {
            if (Rule.RequiredIcsPrefixes.Count == 0 && Rule.RequiredCommittees.Count == 0) return true;
            return FirstIcsUnder(s.Ics, Rule.RequiredIcsPrefixes) is not null || FirstCommittee(s.Committee, Rule.RequiredCommittees) is not null;
        }

        private static string? Find(Subject s, string keyword, string? lang)
        {
            if (lang is null or "zh" && s.TitleZh is not null && Contains(s.TitleZh, keyword)) return "zh";
            if (lang is null or "en" && s.TitleEn is not null && Contains(s.TitleEn, keyword)) return "en";
            return null;
        }

        // English keywords must start a word ("ai" must not match "maintenance"); CJK text has no word boundaries.
        private static bool Contains(string title, string keyword)
        {
            var from = 0;
            while (true)
            {
                var at = title.IndexOf(keyword, from, StringComparison.Ordinal);
                if (at < 0) return false;
                if (at == 0 || !IsAsciiLetterOrDigit(keyword[0]) || !IsAsciiLetterOrDigit(title[at - 1])) return true;
                from = at + 1;
            }
        }

        private static bool IsAsciiLetterOrDigit(char c) => c is >= 'a' and <= 'z' or >= '0' and <= '9';
    }

    internal static (string Code, string Prefix)? FirstIcsUnder(IReadOnlyList<string> codes, IReadOnlyList<string> prefixes)
    {
        foreach (var code in codes)
            foreach (var prefix in prefixes)
                if (code.StartsWith(prefix, StringComparison.Ordinal) && (code.Length == prefix.Length || code[prefix.Length] == '.'))
                    return (code, prefix);
        return null;
    }

    internal static string? FirstCommittee(string? committee, IReadOnlyList<string> committees)
    {
        if (committee is null) return null;
        foreach (var c in committees)
            if (committee.StartsWith(c, StringComparison.OrdinalIgnoreCase) && (committee.Length == c.Length || committee[c.Length] == '/'))
                return c;
        return null;
    }
}
