using System.Text;
using StdGraph.Answers.Retrieval;
using StdGraph.Core.Catalogue;
using StdGraph.Core.Codes;

namespace StdGraph.Answers.Composition;

/// <summary>
/// Writes the answer without a language model, from the retrieved context alone: every statement is a fact the
/// context holds, worded in the question's language. The default path, and the fallback when a model fails.
/// </summary>
internal sealed class DeterministicAnswerComposer(IStandardsSource source)
{
    private const int MaxListed = 15;

    public string Compose(AnswerContext context)
    {
        var p = Phrases.For(context.Language);
        var text = context.Intent switch
        {
            QuestionIntent.Relation => Relation(context, p),
            QuestionIntent.Adopters => Adopters(context, p),
            QuestionIntent.Successor => Successor(context, p),
            QuestionIntent.Describe => Describe(context, p),
            _ => Topic(context, p),
        };
        return text.Trim();
    }

    private string Relation(AnswerContext context, Phrases p)
    {
        var sb = new StringBuilder();
        var sentences = new OrderedClauses();
        var named = new HashSet<string>(StringComparer.Ordinal);
        var mentions = context.Resolved;
        var linked = false;
        for (var i = 0; i < mentions.Count; i++)
            for (var j = 0; j < mentions.Count; j++)
            {
                if (i == j) continue;
                foreach (var x in mentions[i].Editions)
                    foreach (var clause in Links(x, mentions[j].Mention, mentions[j].Editions, p))
                    {
                        sentences.Add(x, clause);
                        linked = true;
                    }
            }

        // What became of each named edition that has a link: its successor, and the successor's own links.
        foreach (var (edition, _) in sentences.Subjects.ToList())
        {
            var successors = source.Successors(edition);
            foreach (var s in successors)
            {
                sentences.Add(edition, p.ReplacedBy(s.Canonical, null));
                var next = source.Edition(s);
                if (next is null) continue;
                for (var j = 0; j < mentions.Count; j++)
                    foreach (var clause in Links(next, mentions[j].Mention, mentions[j].Editions, p))
                        sentences.Add(next, clause);
            }
            if (successors.Count == 0 && edition.Status is { } status) sentences.Add(edition, p.IsStatus(status));
        }

        foreach (var (subject, clauses) in sentences.Subjects)
            sb.Append(p.Sentence(named.Add(subject.ParsedCode.Canonical) ? p.Named(subject) : subject.Code, clauses));

        if (!linked)
        {
            var codes = mentions.Select(m => m.Mention.Canonical).ToList();
            sb.Append(p.NoDirectRelation(codes[0], string.Join(p.ListSeparator, codes.Skip(1))));
            foreach (var (mention, editions) in mentions)
            {
                if (editions.Count == 0) { sb.Append(p.NotInCatalogue(mention.Canonical)); continue; }
                sb.Append(DescribeEdition(editions[0], p, brief: true));
            }
        }
        return sb.ToString();
    }

    /// <summary>Direct relations from <paramref name="x"/> to the work or edition named <paramref name="other"/>.</summary>
    private IEnumerable<string> Links(StandardEdition x, StandardCode other, IReadOnlyList<StandardEdition> otherEditions, Phrases p)
    {
        bool Names(StandardCode target) =>
            target.Equals(other)
            || (other.IsUndated && target.WorkKey == other.WorkKey)
            || (target.IsUndated && target.WorkKey == other.WorkKey)
            || otherEditions.Any(e => e.ParsedCode.Equals(target));

        foreach (var r in x.Relations)
        {
            if (!Names(r.ParsedTarget) || r.ParsedTarget.Equals(x.ParsedCode)) continue;
            var target = r.ParsedTarget.Canonical;
            var clause = r.Type switch
            {
                RelationType.Adopts => p.Adopts(target, r.Degree),
                RelationType.Replaces => p.Replaces(target),
                RelationType.ReplacedBy => p.ReplacedBy(target, null),
                RelationType.Cites => p.Cites(target),
                _ => null,
            };
            if (clause is not null) yield return clause;
        }
    }

    private string Adopters(AnswerContext context, Phrases p)
    {
        var international = context.Mentioned[0].Canonical;
        if (context.Adoptions.Count == 0)
        {
            var sb = new StringBuilder(p.NoAdopters(international));
            foreach (var e in context.Resolved[0].Editions.Take(1)) sb.Append(' ').Append(DescribeEdition(e, p, brief: true));
            return sb.ToString();
        }

        var lines = new StringBuilder(p.AdoptersHeading(international)).Append('\n');
        foreach (var a in context.Adoptions.Take(MaxListed))
        {
            var clauses = new List<string> { p.Adopts(a.Target.Canonical, a.Degree) };
            var successors = source.Successors(a.National);
            if (successors.Count > 0) clauses.AddRange(successors.Select(s => p.ReplacedBy(s.Canonical, null)));
            else if (a.National.Status is { } status) clauses.Add(p.IsStatus(status));
            lines.Append("- ").Append(p.Sentence(p.Named(a.National), clauses)).Append('\n');
        }
        return lines.ToString();
    }

    private string Successor(AnswerContext context, Phrases p)
    {
        var sb = new StringBuilder();
        var (mention, editions) = context.Resolved[0];
        if (editions.Count == 0) return p.NotInCatalogue(mention.Canonical);
        if (mention.IsUndated && source.Edition(mention) is null)
        {
            var current = editions.FirstOrDefault(e => e.Status == EditionStatus.Valid);
            if (current is not null) sb.Append(p.CurrentEditionOfWork(mention.Canonical, p.Named(current)));
        }
        foreach (var e in mention.IsUndated && source.Edition(mention) is null ? editions.Where(e => e.Status != EditionStatus.Valid) : editions)
        {
            var clauses = new List<string>();
            foreach (var s in source.Successors(e))
            {
                var next = source.Edition(s);
                clauses.Add(p.ReplacedBy(s.Canonical, next?.Status is { } st ? p.Status(st) : null));
            }
            if (clauses.Count == 0)
            {
                if (e.Status is { } status) clauses.Add(p.IsStatus(status));
                clauses.Add(p.NoSuccessor(e.Code));
            }
            sb.Append(p.Sentence(p.Named(e), clauses));
        }
        return sb.ToString();
    }

    private string Describe(AnswerContext context, Phrases p)
    {
        var sb = new StringBuilder();
        var (mention, editions) = context.Resolved[0];
        if (editions.Count == 0) return p.NotInCatalogue(mention.Canonical);
        foreach (var e in editions) sb.Append(DescribeEdition(e, p, brief: false));
        return sb.ToString();
    }

    private string DescribeEdition(StandardEdition e, Phrases p, bool brief)
    {
        var clauses = new List<string>();
        if (e.Issued is { } issued) clauses.Add(p.Issued(issued.ToString()));
        foreach (var r in e.Relations.Where(r => r.Type == RelationType.Adopts)) clauses.Add(p.Adopts(r.ParsedTarget.Canonical, r.Degree));
        var successors = source.Successors(e);
        foreach (var s in successors) clauses.Add(p.ReplacedBy(s.Canonical, null));
        if (successors.Count == 0 && e.Status is { } status) clauses.Add(p.IsStatus(status));
        if (!brief)
        {
            foreach (var r in source.Predecessors(e)) clauses.Add(p.Replaces(r.Canonical));
            var adopters = source.AdoptionsOf(e.ParsedCode).Where(a => a.Target.Equals(e.ParsedCode)).ToList();
            foreach (var a in adopters) clauses.Add(AdoptedBy(a, p));
            var fields = source.Fields(e).Where(f => !f.IsInherited).Select(f => p.FieldName(f.Field)).Distinct().ToList();
            if (fields.Count > 0) clauses.Add(p.InFields(fields));
            var citers = source.CitedBy(e);
            if (citers.Count > 0)
                clauses.Add(p.CitedBy(citers.Count, citers.OrderBy(Ranking.StatusRank).ThenByDescending(c => c.ParsedCode.IsNational).ThenByDescending(c => c.Issued?.Earliest).Take(3).Select(c => c.Code)));
        }
        return clauses.Count == 0 ? p.Named(e) + (p is { ListSeparator: "、" } ? "。" : ".") : p.Sentence(p.Named(e), clauses);
    }

    private static string AdoptedBy(Adoption a, Phrases p) =>
        p.ListSeparator == "、"
            ? $"被 {a.National.Code} {(a.Degree is { } d ? $"{d.ChineseLabel()} ({d})" : "采用")}"
            : $"is adopted by {a.National.Code}{(a.Degree is { } e ? $" ({e.EnglishLabel()}, {e})" : "")}";

    private static string Topic(AnswerContext context, Phrases p)
    {
        var topic = context.Topic?.Text is { Length: > 0 } t ? t : context.Question.Trim();
        var sb = new StringBuilder();
        if (context.TopicHits.Count > 0)
        {
            sb.Append(p.TopicHeading(topic, context.NationalOnly, context.ValidOnly, context.TopicHits.Count)).Append('\n');
            foreach (var e in context.TopicHits.Take(MaxListed)) sb.Append(p.ListItem(e)).Append('\n');
            return sb.ToString();
        }

        sb.Append(p.TopicNotFound(topic, context.NationalOnly));
        if (context.RelatedInternational.Count > 0)
        {
            sb.Append('\n').Append(p.RelatedInternational()).Append('\n');
            foreach (var e in context.RelatedInternational) sb.Append(p.ListItem(e)).Append('\n');
        }
        return sb.ToString();
    }

    /// <summary>Clauses grouped by the edition they are about, in the order the editions first appear.</summary>
    private sealed class OrderedClauses
    {
        private readonly List<(StandardEdition Subject, List<string> Clauses)> _subjects = [];

        public IReadOnlyList<(StandardEdition Subject, List<string> Clauses)> Subjects => _subjects;

        public void Add(StandardEdition subject, string clause)
        {
            var entry = _subjects.FirstOrDefault(s => s.Subject.ParsedCode.Equals(subject.ParsedCode));
            if (entry.Subject is null) _subjects.Add(entry = (subject, []));
            if (!entry.Clauses.Contains(clause)) entry.Clauses.Add(clause);
        }
    }
}
