using StdGraph.Core.Catalogue;
using StdGraph.Core.Codes;
using StdGraph.Engine;
using StdGraph.Equivalents.Adoptions;
using StdGraph.Equivalents.Candidates;
using StdGraph.Equivalents.Catalogue;
using StdGraph.Equivalents.Evaluation;
using StdGraph.Equivalents.Learning;

namespace StdGraph.Equivalents;

/// <summary>Everything asked about one code: its declared counterparts and the candidates (declared ones first).</summary>
public sealed record CodeEquivalents(
    string Query,
    bool Found,
    string? Error,
    ExplicitEquivalents? Explicit,
    IReadOnlyList<EquivalentCandidate> Candidates,
    string? Mode);

/// <summary>
/// International counterparts of national standards (declared and candidate) and the adoption-gap report.
/// The candidate model is learned once, lazily, from every declared adoption in the catalogue.
/// </summary>
public sealed class EquivalentsService
{
    private readonly IEditionCatalogue editions;
    private readonly IFieldClassifier? fields;
    private readonly TimeProvider clock;
    private readonly AdoptionIndex adoptions;
    private readonly Lazy<CandidateRanker> ranker;
    private readonly Lazy<EquivalenceModel> model;

    internal EquivalentsService(IEditionCatalogue editions, IEditionHistory history, IFieldClassifier? fields, TimeProvider clock)
    {
        this.editions = editions;
        this.fields = fields;
        this.clock = clock;
        adoptions = new AdoptionIndex(editions, history);
        ranker = new Lazy<CandidateRanker>(() => new CandidateRanker(new EnglishTitleIndex(editions.AdoptableInternational), editions));
        model = new Lazy<EquivalenceModel>(() => EquivalenceModel.Learn(editions.National, DeclaredAdoptions(), ranker.Value));
    }

    /// <summary>
    /// A service over the engine's catalogue. <paramref name="fields"/> enables the field filter of the gap report; by
    /// default the ontology's field rules are used when the ontology folder can be found.
    /// </summary>
    public static EquivalentsService Create(StdGraphEngine engine, IFieldClassifier? fields = null, TimeProvider? clock = null)
    {
        var catalogue = new CatalogueEditions(engine.Catalogue);
        return new EquivalentsService(catalogue, catalogue, fields ?? OntologyFields.Locate(engine.Options.OntologyDirectory), clock ?? TimeProvider.System);
    }

    /// <summary>
    /// Builds the title index and learns the confidence model now (both are otherwise made on first use, which takes
    /// seconds on the whole snapshot). A server calls this at start-up so that no request pays for it.
    /// </summary>
    public void Prepare() => _ = model.Value;

    /// <summary>Declared adoptions of a national code, or the national adoptions of an international code (and of its work).</summary>
    /// <exception cref="ArgumentException">The text is not a standard code.</exception>
    public Task<ExplicitEquivalents> ExplicitAsync(string code, CancellationToken ct = default)
    {
        ct.ThrowIfCancellationRequested();
        if (!StandardCode.TryParse(code, out var parsed, out var error)) throw new ArgumentException(error, nameof(code));
        return Task.FromResult(Explicit(parsed));
    }

    /// <summary>Ranked candidate international editions for free input (a title is needed: English, Chinese or both).</summary>
    /// <exception cref="ArgumentException">No title, or a malformed date or code.</exception>
    public Task<CandidateResult> SuggestAsync(CandidateInput input, int top = 10, CancellationToken ct = default)
    {
        ct.ThrowIfCancellationRequested();
        var query = CandidateQuery.From(input);
        if (query.Mode == QueryMode.None) throw new ArgumentException("give an English or a Chinese title");
        return Task.FromResult(Suggest(query, top, exclude: new HashSet<string>()));
    }

    /// <summary>For one code: declared counterparts first (confidence 1), then candidates from the record's own titles, ICS, committee and date.</summary>
    public Task<CodeEquivalents> ForCodeAsync(string code, int top = 10, CancellationToken ct = default)
    {
        ct.ThrowIfCancellationRequested();
        if (!StandardCode.TryParse(code, out var parsed, out var error))
            return Task.FromResult(new CodeEquivalents(code.Trim(), false, error, null, [], null));
        var found = Explicit(parsed);
        if (!found.Found)
            return Task.FromResult(new CodeEquivalents(parsed.Canonical, false, $"{parsed.Canonical} is not in the catalogue", found, [], null));

        var declared = new List<EquivalentCandidate>();
        foreach (var link in found.Adopts) declared.Add(Declared(link.International, link, $"declared adoption: {link.National.Code} adopts {link.International.Code}"));
        foreach (var link in found.AdoptedBy) declared.Add(Declared(link.National, link, $"declared adoption: {link.National.Code} adopts {link.International.Code}"));

        var edition = editions.Find(parsed)!;
        var candidates = new List<EquivalentCandidate>(declared);
        string? mode = null;
        if (parsed.IsNational && (edition.Title("en") ?? edition.Title("zh")) is not null)
        {
            var query = CandidateQuery.From(edition, chineseOnly: false);
            var suggested = Suggest(query, top, declared.Select(d => d.Code).ToHashSet(StringComparer.Ordinal));
            candidates.AddRange(suggested.Candidates);
            mode = suggested.Mode;
        }

        return Task.FromResult(new CodeEquivalents(parsed.Canonical, true, null, found, candidates.Take(Math.Max(top, declared.Count)).ToList(), mode));
    }

    /// <summary>National adoptions whose international edition has been superseded or withdrawn, by national code.</summary>
    /// <exception cref="InvalidOperationException">A field filter was given but the service has no field classifier.</exception>
    public Task<IReadOnlyList<AdoptionGap>> GapsAsync(GapFilter filter, CancellationToken ct = default)
    {
        ct.ThrowIfCancellationRequested();
        if (filter.Field is not null && fields is null)
            throw new InvalidOperationException("filtering by field needs the field rules of the ontology, which were not found (set the ontology folder)");
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var gaps = new List<AdoptionGap>();
        foreach (var a in adoptions.All)
        {
            ct.ThrowIfCancellationRequested();
            if (a.International is not { } adopted) continue;
            var chain = adoptions.Chain(adopted.ParsedCode);
            if (adopted.Status is not (EditionStatus.Superseded or EditionStatus.Withdrawn) && chain.Count == 0) continue;
            if (filter.Committee is { } committee && !CommitteeMatches(committee, a.National.Committee) && !CommitteeMatches(committee, adopted.Committee)) continue;
            if (filter.Field is { } field && !fields!.InField(a.National, field) && !fields.InField(adopted, field)) continue;

            var successor = chain.Count > 0 ? editions.Find(chain[0]) : null;
            PartialDate? since = successor?.Issued ?? (chain.Count == 0 ? adopted.Withdrawn : null);
            var newer = adoptions.NewerNationalAdoption(a);
            if (newer is not null && !filter.IncludeClosed) continue;
            gaps.Add(new AdoptionGap(
                a.National.Code,
                a.National.Status?.ToName(),
                a.National.PreferredTitle("zh"),
                a.National.Committee,
                adopted.Code,
                a.Relation.Degree?.ToString(),
                adopted.Status?.ToName() ?? "replaced",
                chain.Count > 0 ? Display(chain[0]) : null,
                successor?.Issued?.ToString(),
                chain.Count > 0 ? Display(chain[^1]) : null,
                since?.ToString(),
                since is { } s ? Math.Round((today.DayNumber - s.Earliest.DayNumber) / 365.25, 1) : null,
                newer is not null,
                newer?.National.Code,
                newer is null ? null : Display(newer.Target),
                adopted.Committee,
                fields is null ? [] : fields.FieldsOf(a.National).Union(fields.FieldsOf(adopted)).ToList()));
        }

        gaps.Sort((x, y) => string.CompareOrdinal(x.National, y.National) is var c && c != 0 ? c : string.CompareOrdinal(x.Adopts, y.Adopts));
        return Task.FromResult<IReadOnlyList<AdoptionGap>>(gaps);
    }

    /// <summary>Hides the declared adoptions fold by fold and measures how often the candidates recover them.</summary>
    public Task<EquivalentsEvaluationReport> EvaluateAsync(int folds = 10, CancellationToken ct = default)
    {
        if (folds < 2) throw new ArgumentOutOfRangeException(nameof(folds), "at least 2 folds");
        var declared = adoptions.All.Count();
        return Task.Run(() => EquivalentsEvaluation.Run(editions.National, DeclaredAdoptions(), declared, ranker.Value, folds, ct), ct);
    }

    private CandidateResult Suggest(CandidateQuery query, int top, IReadOnlySet<string> exclude)
    {
        var m = model.Value;
        var retrieved = ranker.Value.Retrieve(query, m.Tables);
        var ranked = m.Rank(retrieved).Where(c => !exclude.Contains(c.Edition.ParsedCode.Canonical)).Take(Math.Max(0, top));
        var candidates = ranked.Select(c => new EquivalentCandidate(
            c.Edition.Code,
            Math.Round(c.Confidence, 4),
            false,
            null,
            ranker.Value.Reasons(query, c, m.Tables, retrieved.Translations),
            c.Edition.ParsedCode.WorkKey,
            c.Edition.Title("en"),
            c.Edition.Status?.ToName(),
            c.Edition.Issued?.ToString(),
            c.Edition.Committee)).ToList();
        var mode = query.Mode switch { QueryMode.English => "en", QueryMode.Chinese => "zh", _ => "none" };
        return new CandidateResult(candidates, mode, retrieved.Terms.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => kv.Key).ToList());
    }

    private ExplicitEquivalents Explicit(StandardCode code)
    {
        var edition = editions.Find(code);
        if (edition is null) return new ExplicitEquivalents(code.Canonical, false, null, [], []);
        var adopts = code.IsNational ? adoptions.AdoptionsBy(edition).Select(Link).ToList() : [];
        var adoptedBy = code.IsNational ? [] : adoptions.AdoptersOfWork(code.WorkKey)
            .Where(a => !code.IsDated || a.Target.Equals(code.BaseEdition) || a.Target.IsUndated || a.Target.WorkKey == code.WorkKey)
            .OrderByDescending(a => a.Target.Equals(code.BaseEdition))
            .ThenBy(a => a.National.ParsedCode.Canonical, StringComparer.Ordinal)
            .Select(Link).ToList();
        return new ExplicitEquivalents(edition.ParsedCode.Canonical, true, Summary(edition), adopts, adoptedBy);
    }

    private AdoptionLink Link(Adoption a)
    {
        var chain = adoptions.Chain(a.Target);
        var newer = adoptions.NewerNationalAdoption(a);
        return new AdoptionLink(
            Summary(a.National),
            a.International is { } i ? Summary(i) : Summary(a.Target),
            a.Relation.Degree?.ToString(),
            a.Relation.Degree?.EnglishLabel(),
            a.International is not null && a.International.ParsedCode.Equals(a.Target),
            chain.Count > 0 ? Summary(chain[0]) : null,
            chain.Count > 0 ? Summary(chain[^1]) : null,
            newer?.National.Code,
            newer is null ? null : Display(newer.Target));
    }

    private static EquivalentCandidate Declared(EditionSummary counterpart, AdoptionLink link, string reason)
    {
        var reasons = new List<string> { link.Degree is null ? reason + " (degree not stated)" : $"{reason} ({link.Degree}, {link.DegreeLabel})" };
        if (!link.ExactEdition && link.International.InCatalogue) reasons.Add($"the record names {link.International.Work} without the edition; resolved to {link.International.Code}");
        if (link.Successor is not null) reasons.Add($"{link.International.Code} is {link.International.Status ?? "replaced"}; replaced by {link.Successor.Code}" + (link.Current is not null && link.Current.Code != link.Successor.Code ? $", now {link.Current.Code}" : ""));
        if (link.NewerNationalAdoption is not null) reasons.Add($"newer national adoption: {link.NewerNationalAdoption} adopts {link.NewerNationalAdoptionOf}");
        return new EquivalentCandidate(
            counterpart.Code, 1.0, true, link.Degree, reasons, counterpart.Work,
            counterpart.TitleEn ?? counterpart.TitleZh, counterpart.Status, counterpart.Issued, counterpart.Committee);
    }

    private List<DeclaredAdoption> DeclaredAdoptions() =>
        adoptions.All
            .Where(a => a.International is { } i && CatalogueEditions.IsIssuedBaseEdition(i) && i.Title("en") is not null && i.ParsedCode.IsInternational)
            .Select(a => new DeclaredAdoption(a.National, a.International!, a.Relation.Degree))
            .ToList();

    private EditionSummary Summary(StandardCode code) =>
        editions.Find(code) is { } e ? Summary(e) : new EditionSummary(code.Canonical, code.WorkKey, null, null, null, null, null, false);

    private static EditionSummary Summary(StandardEdition e) => new(
        e.Code, e.ParsedCode.WorkKey, e.Title("en"), e.Title("zh"), e.Status?.ToName(), e.Issued?.ToString(), e.Committee, true);

    private string Display(StandardCode code) => editions.Find(code)?.Code ?? code.Canonical;

    private static bool CommitteeMatches(string filter, string? committee) =>
        committee is not null && (committee.Equals(filter.Trim(), StringComparison.OrdinalIgnoreCase) ||
                                  committee.StartsWith(filter.Trim() + "/", StringComparison.OrdinalIgnoreCase));
}
