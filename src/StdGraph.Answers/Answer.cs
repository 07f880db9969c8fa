namespace StdGraph.Answers;

/// <summary>A standard an answer cites, with the title in the question's language where the catalogue has one.</summary>
public sealed record AnswerCitation(string Code, string? Title);

/// <summary>A standard retrieval put in the context, and why.</summary>
public sealed record RetrievedStandard(string Code, string? Title, string? Status, string Reason);

/// <summary>The answer to one question.</summary>
/// <param name="Text">The answer, in <paramref name="Language"/>, citing codes in brackets.</param>
/// <param name="Language"><c>zh</c> or <c>en</c>, detected from the question.</param>
/// <param name="Citations">The codes the answer cites, each checked against the retrieved context.</param>
/// <param name="UsedLlm">True when a language model wrote <paramref name="Text"/>; false for the deterministic answer.</param>
/// <param name="Retrieved">Everything retrieval put in the context.</param>
/// <param name="Unverified">Codes the model wrote that are not in the retrieved context (removed or flagged in the text).</param>
/// <param name="Found">False when the corpus holds nothing that answers the question.</param>
/// <param name="FallbackReason">Why a configured model was not used (timeout, error, unusable reply); null otherwise.</param>
public sealed record Answer(
    string Text,
    string Language,
    IReadOnlyList<AnswerCitation> Citations,
    bool UsedLlm,
    IReadOnlyList<RetrievedStandard> Retrieved,
    IReadOnlyList<string> Unverified,
    bool Found,
    string? FallbackReason = null);

/// <summary>
/// A piece of a streamed answer. Text chunks arrive as the model writes them; the last chunk has
/// <see cref="IsFinal"/> set and carries the whole <see cref="Answer"/> with its checked citations.
/// </summary>
public sealed record AnswerChunk(string Text, bool IsFinal = false, Answer? Final = null);

/// <summary>Restricts what retrieval may bring in by search (codes named in the question are always resolved).</summary>
public sealed record AnswerFilter
{
    /// <summary>Statuses to keep (<c>valid</c>, <c>superseded</c>, …); empty keeps all.</summary>
    public IReadOnlyList<string> Status { get; init; } = [];

    /// <summary>Issuing bodies to keep (<c>SAC</c> for national standards, <c>ISO</c>, <c>IEC</c>, <c>ISO/IEC</c>, <c>IETF</c>); empty keeps all.</summary>
    public IReadOnlyList<string> Body { get; init; } = [];

    /// <summary>A field id of the ontology (<c>cloud-computing</c>); null keeps all.</summary>
    public string? Field { get; init; }

    /// <summary>How many standards retrieval may put in the context.</summary>
    public int MaxStandards { get; init; } = 12;

    public static AnswerFilter None { get; } = new();
}
