using StdGraph.Core.Catalogue;
using StdGraph.Core.Codes;

namespace StdGraph.Answers.Retrieval;

/// <summary>
/// Turns a question into an <see cref="AnswerContext"/>: codes it names are resolved exactly (an undated code to its
/// work's editions, valid first); without codes the topic is searched (titles, then the ontology's fields); the
/// standards found are expanded one step through adoptions, replacements, citations and fields.
/// </summary>
internal sealed class Retriever(IStandardsSource source)
{
    private const int MaxEditionsPerWork = 4;
    private const int MaxCitersShown = 5;

    private static readonly string[] AdoptWords = ["采用", "对应", "等同", "转化", "adopt", "counterpart", "equivalent", "identical", "corresponding", "based on"];
    private static readonly string[] ReplaceWords = ["代替", "替代", "取代", "替换", "废止", "最新", "新版", "还有效", "replace", "supersede", "successor", "latest", "newer", "new edition", "still valid", "still current"];
    private static readonly string[] NationalWords = ["国家标准", "国标", "我国", "中国", "chinese", "national", "china", "gb/t", "gb "];
    private static readonly string[] ValidWords = ["现行", "有效", "valid", "current", "in force"];

    public AnswerContext Retrieve(string question, AnswerFilter filter, CancellationToken ct)
    {
        var language = QuestionLanguage.Detect(question);
        var lower = question.ToLowerInvariant();
        var mentions = CodeMentionScanner.Scan(question).DistinctBy(m => m.Code.Canonical).ToList();
        var context = new AnswerContext(question, language, QuestionIntent.Topic)
        {
            NationalOnly = Has(lower, NationalWords),
            ValidOnly = Has(lower, ValidWords),
        };

        foreach (var m in mentions)
        {
            ct.ThrowIfCancellationRequested();
            context.Mentioned.Add(m.Code);
            var editions = Resolve(m.Code);
            context.Resolved.Add((m.Code, editions));
            if (editions.Count == 0) context.AddFact(new Fact(m.Code.Canonical, FactKind.NotInCatalogue, "not in the catalogue"));
            foreach (var e in editions) Expand(context, e, "named in the question");
        }

        context.Intent = mentions.Count switch
        {
            >= 2 => QuestionIntent.Relation,
            1 when Has(lower, AdoptWords) && !mentions[0].Code.IsNational => QuestionIntent.Adopters,
            1 when Has(lower, ReplaceWords) => QuestionIntent.Successor,
            1 => QuestionIntent.Describe,
            _ => QuestionIntent.Topic,
        };

        switch (context.Intent)
        {
            case QuestionIntent.Adopters:
                RetrieveAdopters(context, mentions[0].Code);
                break;
            case QuestionIntent.Topic:
                RetrieveTopic(context, question, mentions, filter, ct);
                break;
            default:
                context.Found = context.Resolved.Any(r => r.Editions.Count > 0);
                break;
        }

        return context;
    }

    private IReadOnlyList<StandardEdition> Resolve(StandardCode code)
    {
        var exact = source.Edition(code);
        if (exact is not null) return [exact];
        // An undated code names the work; a dated code the catalogue lacks still finds nothing (no guessing editions).
        if (!code.IsUndated) return [];
        // The work's editions proper; its amendments and corrigenda only when it has nothing else.
        var editions = source.EditionsOfWork(code);
        var proper = editions.Where(e => !e.ParsedCode.HasSupplement && e.ParsedCode.Stage is null).ToList();
        return (proper.Count > 0 ? proper : editions).Take(MaxEditionsPerWork).ToList();
    }

    private void RetrieveAdopters(AnswerContext context, StandardCode international)
    {
        foreach (var a in source.AdoptionsOf(international))
        {
            context.Adoptions.Add(a);
            Expand(context, a.National, $"adopts {a.Target.Canonical}");
        }
        context.Found = context.Adoptions.Count > 0 || context.Resolved.Any(r => r.Editions.Count > 0);
    }

    private void RetrieveTopic(AnswerContext context, string question, IReadOnlyList<CodeMention> mentions, AnswerFilter filter, CancellationToken ct)
    {
        var terms = QueryTerms.From(question, mentions);
        context.Topic = terms;
        context.TopicFields = source.TopicsIn(terms.Text.Length > 0 ? terms.Text : question, terms);
        var max = Math.Clamp(filter.MaxStandards, 1, 100);
        bool InScope(StandardEdition e) => Keep(e, filter, context.NationalOnly, context.ValidOnly) && InField(e, filter.Field);

        var hits = source.Search(terms, InScope, max * 4)
            .Where(h => h.Coverage >= terms.MinCoverage)
            .Select(h => h.Edition)
            .ToList();
        ct.ThrowIfCancellationRequested();

        // A field brings in its members too, but only when the question names it by its label and the field is the
        // whole topic: "云计算" is the field; "大数据" is one keyword of the broader basic data resources; and
        // "量子密钥分发网络" names quantum information without being all of it.
        foreach (var topic in context.TopicFields)
        {
            var label = topic.Matched.ToLowerInvariant();
            var fieldIsTopic = topic.ByLabel && terms.Coverage(label, label) >= 0.999;
            if (!fieldIsTopic) continue;
            hits.AddRange(source.InField(topic.Field, InScope).Take(max * 2));
        }

        foreach (var e in hits.Distinct().OrderBy(Ranking.StatusRank).Take(max))
        {
            context.TopicHits.Add(e);
            Expand(context, e, terms.Text.Length > 0 ? $"matches \"{terms.Text}\"" : "matches the question");
        }

        context.Found = context.TopicHits.Count > 0;
        if (context.Found || !context.NationalOnly) return;

        // Nothing national: offer international standards on the topic, searched in English through the keywords
        // of the fields the question names (the ontology's rules carry both languages).
        var international = new List<StandardEdition>();
        bool IsInternational(StandardEdition e) => !e.ParsedCode.IsNational && e.Status is not EditionStatus.Draft and not EditionStatus.Withdrawn;
        international.AddRange(source.Search(terms, IsInternational, 5).Where(h => h.Coverage >= terms.MinCoverage).Select(h => h.Edition));
        foreach (var topic in context.TopicFields)
            foreach (var keyword in topic.Keywords.Where(k => k.Language == "en"))
            {
                var english = QueryTerms.From(keyword.Text, []);
                international.AddRange(source.Search(english, IsInternational, 3).Where(h => h.Coverage >= 0.99).Select(h => h.Edition));
            }
        foreach (var e in international.Distinct().OrderBy(Ranking.StatusRank).ThenByDescending(e => e.Issued?.Earliest).Take(5))
        {
            context.RelatedInternational.Add(e);
            context.AddStandard(e, "related international standard");
            AddBasics(context, e);
        }
    }

    /// <summary>True when no field is asked for, or the ontology's rules place the edition in it (directly or through a narrower field).</summary>
    private bool InField(StandardEdition e, string? field) =>
        field is null || source.Fields(e).Any(m => string.Equals(m.Field.Id, field, StringComparison.OrdinalIgnoreCase));

    private static bool Keep(StandardEdition e, AnswerFilter filter, bool nationalOnly, bool validOnly)
    {
        if (nationalOnly && !e.ParsedCode.IsNational) return false;
        if (validOnly && e.Status is not EditionStatus.Valid) return false;
        if (filter.Status.Count > 0 && !filter.Status.Contains(e.Status?.ToName() ?? "", StringComparer.OrdinalIgnoreCase)) return false;
        if (filter.Body.Count > 0 && !filter.Body.Contains(e.ParsedCode.Body, StringComparer.OrdinalIgnoreCase)) return false;
        return true;
    }

    /// <summary>Adds an edition with its own facts and its neighbours one step out.</summary>
    private void Expand(AnswerContext context, StandardEdition e, string reason)
    {
        context.AddStandard(e, reason);
        AddBasics(context, e);
        var code = e.ParsedCode.Canonical;
        foreach (var r in e.Relations.Where(r => r.Type == RelationType.Adopts))
            context.AddFact(new Fact(code, FactKind.Adopts, r.ParsedTarget.Canonical, r.ParsedTarget.Canonical, r.Degree));
        foreach (var a in source.AdoptionsOf(e.ParsedCode).Where(a => a.Target.Equals(e.ParsedCode)))
            context.AddFact(new Fact(code, FactKind.AdoptedBy, a.National.ParsedCode.Canonical, a.National.ParsedCode.Canonical, a.Degree));
        foreach (var s in source.Successors(e))
        {
            context.AddFact(new Fact(code, FactKind.ReplacedBy, s.Canonical, s.Canonical));
            var successor = source.Edition(s);
            if (successor is not null && !context.Holds(s.Canonical))
            {
                context.AddStandard(successor, $"replaces {code}");
                AddBasics(context, successor);
                foreach (var r in successor.Relations.Where(r => r.Type == RelationType.Adopts))
                    context.AddFact(new Fact(s.Canonical, FactKind.Adopts, r.ParsedTarget.Canonical, r.ParsedTarget.Canonical, r.Degree));
            }
        }
        foreach (var p in source.Predecessors(e))
            context.AddFact(new Fact(code, FactKind.Replaces, p.Canonical, p.Canonical));
        foreach (var c in e.Relations.Where(r => r.Type == RelationType.Cites).Take(10))
            context.AddFact(new Fact(code, FactKind.Cites, c.ParsedTarget.Canonical, c.ParsedTarget.Canonical));
        foreach (var citer in source.CitedBy(e).OrderBy(Ranking.StatusRank).ThenByDescending(c => c.ParsedCode.IsNational).ThenByDescending(c => c.Issued?.Earliest).Take(MaxCitersShown))
        {
            context.AddFact(new Fact(code, FactKind.CitedBy, citer.ParsedCode.Canonical, citer.ParsedCode.Canonical));
            if (context.Holds(citer.ParsedCode.Canonical)) continue;
            context.AddStandard(citer, $"cites {code}");
            AddBasics(context, citer);
        }
        foreach (var f in source.Fields(e).Where(f => !f.IsInherited))
            context.AddFact(new Fact(code, FactKind.InField, $"{f.Field.Label("zh")} / {f.Field.Label("en")}"));
    }

    private static void AddBasics(AnswerContext context, StandardEdition e)
    {
        var code = e.ParsedCode.Canonical;
        foreach (var (lang, title) in e.Titles.Where(t => t.Key is "zh" or "en"))
            context.AddFact(new Fact(code, FactKind.Title, title, Language: lang));
        if (e.Status is not null) context.AddFact(new Fact(code, FactKind.Status, e.Status.Value.ToName()));
        if (e.Issued is not null) context.AddFact(new Fact(code, FactKind.Issued, e.Issued.Value.ToString()));
    }

    private static bool Has(string lowerQuestion, IEnumerable<string> words) => words.Any(w => lowerQuestion.Contains(w, StringComparison.Ordinal));
}
