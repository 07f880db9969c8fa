using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using StdGraph.Answers.Composition;
using StdGraph.Answers.Llm;
using StdGraph.Answers.Retrieval;
using StdGraph.Engine;

namespace StdGraph.Answers;

/// <summary>
/// Answers questions about standards from the built data: retrieval, then a language model when one is configured,
/// checked against what was retrieved, and otherwise (or when the model fails, times out or replies with nothing
/// usable) a deterministic answer composed from the same facts. Thread-safe; one instance serves many requests.
/// </summary>
public sealed class AnswerService : IDisposable
{
    /// <summary>Longer questions are refused rather than truncated.</summary>
    public const int MaxQuestionLength = 2000;

    private readonly IStandardsSource _source;
    private readonly Retriever _retriever;
    private readonly DeterministicAnswerComposer _composer;
    private readonly CitationChecker _checker;
    private readonly LlmAnswerer? _llm;
    private readonly ILogger _logger;

    public AnswerService(StdGraphEngine engine, LlmOptions? llm = null, ILoggerFactory? loggerFactory = null)
        : this(new CatalogueStandardsSource(engine.Catalogue, engine.Classifier), llm, loggerFactory)
    {
    }

    internal AnswerService(IStandardsSource source, LlmOptions? llm, ILoggerFactory? loggerFactory)
    {
        _source = source;
        _retriever = new Retriever(source);
        _composer = new DeterministicAnswerComposer(source);
        _checker = new CitationChecker(source);
        _logger = (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger<AnswerService>();
        Llm = llm ?? LlmOptions.None;
        if (Llm.IsConfigured) _llm = new LlmAnswerer(Llm);
    }

    public LlmOptions Llm { get; }

    public async Task<Answer> AnswerAsync(string question, AnswerFilter? filter = null, CancellationToken ct = default)
    {
        var (context, graphAnswer) = Prepare(question, filter, ct);
        if (_llm is null) return Deterministic(context, graphAnswer, null);

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(_llm.Options.Timeout);
        string? failure;
        try
        {
            var reply = await _llm.CompleteAsync(PromptBuilder.System(context.Language), PromptBuilder.User(context, graphAnswer), timeout.Token).ConfigureAwait(false);
            failure = Unusable(reply, context.Language);
            if (failure is null)
            {
                var checkedReply = _checker.Check(reply!.Trim(), context, alreadyShown: false);
                return Build(context, checkedReply, usedLlm: true, fallbackReason: null);
            }
        }
        catch (Exception e) when (!ct.IsCancellationRequested && e is not OutOfMemoryException)
        {
            failure = timeout.IsCancellationRequested ? $"no answer within {_llm.Options.Timeout.TotalSeconds:0.#}s" : Describe(e);
        }

        _logger.LogWarning("Language model {Model} at {Endpoint} gave no usable answer ({Reason}); answering from the graph", Llm.Model, Llm.Endpoint, failure);
        return Deterministic(context, graphAnswer, failure);
    }

    /// <summary>
    /// The answer in pieces as they are written; the last chunk (<see cref="AnswerChunk.IsFinal"/>) carries the whole
    /// answer with its checked citations. Codes the model names that retrieval did not find are flagged in a closing piece.
    /// </summary>
    public async IAsyncEnumerable<AnswerChunk> StreamAsync(string question, AnswerFilter? filter = null, [EnumeratorCancellation] CancellationToken ct = default)
    {
        var (context, graphAnswer) = Prepare(question, filter, ct);
        if (_llm is null)
        {
            var answer = Deterministic(context, graphAnswer, null);
            yield return new AnswerChunk(answer.Text);
            yield return new AnswerChunk("", IsFinal: true, Final: answer);
            yield break;
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(_llm.Options.Timeout);
        var written = new StringBuilder();
        string? failure = null;
        var pieces = _llm.StreamAsync(PromptBuilder.System(context.Language), PromptBuilder.User(context, graphAnswer), timeout.Token).GetAsyncEnumerator(timeout.Token);
        try
        {
            while (true)
            {
                string piece;
                try
                {
                    if (!await pieces.MoveNextAsync().ConfigureAwait(false)) break;
                    piece = pieces.Current;
                }
                catch (Exception e) when (!ct.IsCancellationRequested && e is not OutOfMemoryException)
                {
                    failure = timeout.IsCancellationRequested ? $"no answer within {_llm.Options.Timeout.TotalSeconds:0.#}s" : Describe(e);
                    break;
                }

                written.Append(piece);
                yield return new AnswerChunk(piece);
            }
        }
        finally
        {
            await DisposeQuietly(pieces).ConfigureAwait(false);
        }

        failure ??= Unusable(written.ToString(), context.Language);
        if (failure is not null)
        {
            _logger.LogWarning("Language model {Model} at {Endpoint} gave no usable answer ({Reason}); answering from the graph", Llm.Model, Llm.Endpoint, failure);
            var fallback = Deterministic(context, graphAnswer, failure);
            var separator = written.Length == 0 ? "" : context.Language == "zh" ? "\n\n（模型回答未完成，以下为根据图谱给出的回答。）\n" : "\n\n(The model's answer broke off; here is the answer from the graph.)\n";
            yield return new AnswerChunk(separator + fallback.Text);
            yield return new AnswerChunk("", IsFinal: true, Final: fallback with { Text = written + separator + fallback.Text });
            yield break;
        }

        var checkedReply = _checker.Check(written.ToString(), context, alreadyShown: true);
        if (checkedReply.Unverified.Count > 0) yield return new AnswerChunk(checkedReply.Text);
        var full = checkedReply.Unverified.Count > 0 ? written + checkedReply.Text : written.ToString();
        yield return new AnswerChunk("", IsFinal: true, Final: Build(context, checkedReply with { Text = full }, usedLlm: true, fallbackReason: null));
    }

    private (AnswerContext Context, string GraphAnswer) Prepare(string question, AnswerFilter? filter, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(question);
        question = question.Trim();
        if (question.Length == 0) throw new ArgumentException("the question is empty", nameof(question));
        if (question.Length > MaxQuestionLength) throw new ArgumentException($"the question is longer than {MaxQuestionLength} characters", nameof(question));
        ct.ThrowIfCancellationRequested();
        var context = _retriever.Retrieve(question, filter ?? AnswerFilter.None, ct);
        return (context, _composer.Compose(context));
    }

    private Answer Deterministic(AnswerContext context, string graphAnswer, string? fallbackReason) =>
        Build(context, _checker.Check(graphAnswer, context, alreadyShown: false), usedLlm: false, fallbackReason);

    private static Answer Build(AnswerContext context, CheckedAnswer checkedAnswer, bool usedLlm, string? fallbackReason) => new(
        checkedAnswer.Text,
        context.Language,
        checkedAnswer.Citations,
        usedLlm,
        context.Standards.Select(s => new RetrievedStandard(s.Edition.Code, s.Edition.PreferredTitle(context.Language), s.Edition.Status?.ToString().ToLowerInvariant(), s.Reason)).ToList(),
        checkedAnswer.Unverified,
        context.Found,
        fallbackReason);

    /// <summary>Why a reply cannot be shown, or null when it can: empty, or not in the question's language.</summary>
    private static string? Unusable(string? reply, string language)
    {
        if (string.IsNullOrWhiteSpace(reply)) return "empty reply";
        var ideographs = reply.Count(QuestionLanguage.IsIdeograph);
        var letters = reply.Count(char.IsLetter);
        if (language == QuestionLanguage.Chinese && ideographs == 0) return "reply not in Chinese";
        if (language == QuestionLanguage.English && letters > 0 && ideographs > letters / 2) return "reply not in English";
        return null;
    }

    private static string Describe(Exception e)
    {
        // The message of a client error can echo request details; type and status are enough to act on.
        var status = e is Microsoft.SemanticKernel.HttpOperationException { StatusCode: { } code } ? $" (HTTP {(int)code})" : "";
        return $"{e.GetType().Name}{status}";
    }

    private static async ValueTask DisposeQuietly(IAsyncEnumerator<string> e)
    {
        try
        {
            await e.DisposeAsync().ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is OperationCanceledException or HttpRequestException or IOException)
        {
        }
    }

    public void Dispose() => _llm?.Dispose();
}
