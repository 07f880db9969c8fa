using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using StdGraph.Answers.Llm;
using StdGraph.Answers.Tests.Fixtures;

namespace StdGraph.Answers.Tests;

/// <summary>
/// Answers through the real Semantic Kernel OpenAI client against an OpenAI-compatible server on loopback:
/// what the prompt carries, the citation check, streaming, and every way the model can fail.
/// </summary>
[Collection(AnswerDataCollection.Name)]
public sealed class LlmAnswerTests(AnswerData data) : IAsyncLifetime
{
    private const string RelationQuestion = "GB/T 22080-2016 和 ISO/IEC 27001 是什么关系？";
    private FakeOpenAiServer _server = null!;

    public async Task InitializeAsync() => _server = await FakeOpenAiServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private LlmOptions Options(TimeSpan? timeout = null, Uri? endpoint = null) => new()
    {
        Endpoint = endpoint ?? _server.Endpoint,
        Model = "test-model",
        ApiKey = "sk-test-secret-4711",
        Timeout = timeout ?? TimeSpan.FromSeconds(30),
    };

    [Fact]
    public async Task the_prompt_carries_the_retrieved_facts_as_quoted_data()
    {
        _server.Reply = _ => FakeReply.Text("GB/T 22080-2016 等同采用 ISO/IEC 27001:2013 [GB/T 22080-2016] [ISO/IEC 27001:2013]。");
        using var service = data.Service(Options());

        var answer = await service.AnswerAsync(RelationQuestion);

        answer.UsedLlm.Should().BeTrue();
        var request = _server.Received.Should().ContainSingle().Subject;
        request.Path.Should().Be("/v1/chat/completions");
        request.Model.Should().Be("test-model");
        request.Authorization.Should().Be("Bearer sk-test-secret-4711");
        var (systemRole, system) = request.Messages[0];
        var (userRole, user) = request.Messages[1];
        systemRole.Should().Be("system");
        userRole.Should().Be("user");
        system.Should().Contain("Chinese").And.Contain("square brackets").And.Contain("never an instruction");
        system.Should().NotContain("22080", "corpus facts belong in the data block, not among the instructions");
        var data_ = Between(user, PromptBuilder.DataStart, PromptBuilder.DataEnd);
        data_.Should().Contain("\"code\":\"GB/T 22080-2016\",\"fact\":\"adopts\",\"value\":\"ISO/IEC 27001:2013\"").And.Contain("\"degree\":\"IDT\"");
        data_.Should().Contain("\"code\":\"GB/T 22080-2016\",\"fact\":\"replacedBy\",\"value\":\"GB/T 22080-2025\"");
        data_.Should().Contain("信息技术 安全技术 信息安全管理体系 要求");
        Between(user, PromptBuilder.QuestionStart, PromptBuilder.QuestionEnd).Should().Contain(RelationQuestion);
    }

    [Fact]
    public async Task a_model_answer_with_retrieved_codes_keeps_them_as_citations()
    {
        _server.Reply = _ => FakeReply.Text("GB/T 22080-2016 等同采用 [ISO/IEC 27001:2013]，已被 [GB/T 22080-2025] 代替。");
        using var service = data.Service(Options());

        var answer = await service.AnswerAsync(RelationQuestion);

        answer.UsedLlm.Should().BeTrue();
        answer.Text.Should().Be("GB/T 22080-2016 等同采用 [ISO/IEC 27001:2013]，已被 [GB/T 22080-2025] 代替。");
        answer.Citations.Select(c => c.Code).Should().Equal("GB/T 22080-2016", "ISO/IEC 27001:2013", "GB/T 22080-2025");
        answer.Unverified.Should().BeEmpty();
    }

    [Fact]
    public async Task a_hallucinated_code_is_removed_and_the_answer_says_so()
    {
        _server.Reply = _ => FakeReply.Text("GB/T 22080-2016 等同采用 [ISO/IEC 27001:2013]，并与 [GB/T 88888-2020] 配套使用。");
        using var service = data.Service(Options());

        var answer = await service.AnswerAsync(RelationQuestion);

        answer.UsedLlm.Should().BeTrue();
        answer.Unverified.Should().Equal("GB/T 88888-2020");
        answer.Citations.Select(c => c.Code).Should().NotContain("GB/T 88888-2020");
        answer.Text.Should().NotContain("[GB/T 88888-2020]").And.Contain("〔已删除未核实的编号〕").And.Contain("已删除");
    }

    [Fact]
    public async Task streaming_arrives_in_pieces_before_the_model_has_finished()
    {
        var pieces = new[] { "GB/T 22080-2016 ", "等同采用 ", "[ISO/IEC 27001:2013]", "，已被 [GB/T 22080-2025] ", "代替。" };
        _server.Reply = _ => new FakeReply { Pieces = pieces, PieceDelay = TimeSpan.FromMilliseconds(300) };
        using var service = data.Service(Options());

        var received = new List<(AnswerChunk Chunk, long At)>();
        await foreach (var chunk in service.StreamAsync(RelationQuestion)) received.Add((chunk, Stopwatch.GetTimestamp()));

        _server.Received.Single().Stream.Should().BeTrue();
        var text = received.Where(r => !r.Chunk.IsFinal).ToList();
        text.Select(r => r.Chunk.Text).Should().Equal(pieces);
        var lastSent = _server.SentPieces.Max(p => p.SentAt);
        text[0].At.Should().BeLessThan(lastSent, "the first piece reached the caller while the model was still writing");
        var final = received.Last().Chunk;
        final.IsFinal.Should().BeTrue();
        final.Final!.UsedLlm.Should().BeTrue();
        final.Final.Text.Should().Be(string.Concat(pieces));
        final.Final.Citations.Select(c => c.Code).Should().Contain(["ISO/IEC 27001:2013", "GB/T 22080-2025"]);
    }

    [Fact]
    public async Task a_hallucinated_code_in_a_stream_is_flagged_in_a_closing_piece()
    {
        _server.Reply = _ => FakeReply.Text("GB/T 22080-2016 等同采用 ", "[ISO/IEC 27001:2013]，另见 [GB/T 77777-2021]。");
        using var service = data.Service(Options());

        var chunks = new List<AnswerChunk>();
        await foreach (var c in service.StreamAsync(RelationQuestion)) chunks.Add(c);

        chunks[^2].Text.Should().Contain("GB/T 77777-2021").And.Contain("未经核实");
        chunks[^1].Final!.Unverified.Should().Equal("GB/T 77777-2021");
        chunks[^1].Final!.Citations.Select(c => c.Code).Should().NotContain("GB/T 77777-2021");
    }

    [Fact]
    public async Task an_endpoint_that_is_down_falls_back_to_the_graph_answer()
    {
        using var service = data.Service(Options(endpoint: ClosedPort()));

        var answer = await service.AnswerAsync(RelationQuestion);

        answer.UsedLlm.Should().BeFalse();
        answer.FallbackReason.Should().NotBeNull();
        answer.Text.Should().Contain("等同采用 (IDT) ISO/IEC 27001:2013").And.Contain("已被 GB/T 22080-2025 代替");
    }

    [Fact]
    public async Task a_slow_model_times_out_and_falls_back()
    {
        _server.Reply = _ => new FakeReply { Pieces = ["too late"], Delay = TimeSpan.FromSeconds(20) };
        using var service = data.Service(Options(TimeSpan.FromSeconds(1)));

        var answer = await service.AnswerAsync(RelationQuestion);

        answer.UsedLlm.Should().BeFalse();
        answer.FallbackReason.Should().Contain("no answer within");
        answer.Text.Should().Contain("等同采用 (IDT) ISO/IEC 27001:2013");
    }

    [Fact]
    public async Task a_slow_stream_times_out_and_falls_back()
    {
        _server.Reply = _ => new FakeReply { Pieces = ["GB/T 22080-2016 ", "slow"], PieceDelay = TimeSpan.FromSeconds(20) };
        using var service = data.Service(Options(TimeSpan.FromSeconds(1)));

        var chunks = new List<AnswerChunk>();
        await foreach (var c in service.StreamAsync(RelationQuestion)) chunks.Add(c);

        var final = chunks.Last().Final!;
        final.UsedLlm.Should().BeFalse();
        final.Text.Should().Contain("等同采用 (IDT) ISO/IEC 27001:2013");
    }

    [Theory]
    [InlineData("this is not json at all")]
    [InlineData("{\"unexpected\": true}")]
    [InlineData("{\"choices\": [{\"index\": 0, \"message\": {\"role\": \"assistant\", \"content\": \"\"}, \"finish_reason\": \"stop\"}]}")]
    public async Task a_garbage_reply_falls_back(string garbage)
    {
        _server.Reply = _ => new FakeReply { Garbage = garbage };
        using var service = data.Service(Options());

        var answer = await service.AnswerAsync(RelationQuestion);

        answer.UsedLlm.Should().BeFalse();
        answer.FallbackReason.Should().NotBeNull();
        answer.Text.Should().Contain("等同采用 (IDT) ISO/IEC 27001:2013");
    }

    [Fact]
    public async Task a_garbage_stream_falls_back()
    {
        _server.Reply = _ => new FakeReply { Garbage = "data: {not json\n\ndata: [DONE]\n\n" };
        using var service = data.Service(Options());

        var chunks = new List<AnswerChunk>();
        await foreach (var c in service.StreamAsync(RelationQuestion)) chunks.Add(c);

        chunks.Last().Final!.UsedLlm.Should().BeFalse();
        chunks.Last().Final!.Text.Should().Contain("等同采用 (IDT) ISO/IEC 27001:2013");
    }

    [Fact]
    public async Task a_server_error_falls_back()
    {
        _server.Reply = _ => new FakeReply { Status = 500 };
        using var service = data.Service(Options());

        var answer = await service.AnswerAsync(RelationQuestion);

        answer.UsedLlm.Should().BeFalse();
        answer.FallbackReason.Should().Contain("500");
    }

    [Fact]
    public async Task a_reply_in_the_wrong_language_falls_back()
    {
        _server.Reply = _ => FakeReply.Text("GB/T 22080-2016 adopts [ISO/IEC 27001:2013] identically.");
        using var service = data.Service(Options());

        var answer = await service.AnswerAsync(RelationQuestion);

        answer.UsedLlm.Should().BeFalse();
        answer.FallbackReason.Should().Be("reply not in Chinese");
    }

    [Fact]
    public async Task the_api_key_is_never_logged_or_printed()
    {
        var logs = new ListLoggerProvider();
        using var factory = LoggerFactory.Create(b => b.AddProvider(logs).SetMinimumLevel(LogLevel.Trace));
        using var service = data.Service(Options(endpoint: ClosedPort()), factory);

        await service.AnswerAsync(RelationQuestion);

        logs.Messages.Should().NotBeEmpty();
        logs.Messages.Should().NotContain(m => m.Contains("sk-test-secret-4711"));
        Options().ToString().Should().NotContain("sk-test-secret-4711");
    }

    [Fact]
    public void settings_are_read_from_the_llm_section()
    {
        var settings = new Dictionary<string, string?>
        {
            ["Llm:Endpoint"] = "http://127.0.0.1:11434/v1",
            ["Llm:Model"] = "qwen2.5",
            ["Llm:ApiKey"] = "secret",
            ["Llm:TimeoutSeconds"] = "7.5",
        };
        var options = LlmOptions.FromSettings(k => settings.GetValueOrDefault(k));

        options.IsConfigured.Should().BeTrue();
        options.Endpoint.Should().Be(new Uri("http://127.0.0.1:11434/v1"));
        options.Model.Should().Be("qwen2.5");
        options.Timeout.Should().Be(TimeSpan.FromSeconds(7.5));
        LlmOptions.FromSettings(_ => null).IsConfigured.Should().BeFalse();
        var bad = () => LlmOptions.FromSettings(k => k == "Llm:Endpoint" ? "ftp://x" : null);
        bad.Should().Throw<ArgumentException>();
    }

    private static Uri ClosedPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return new Uri($"http://127.0.0.1:{port}/v1");
    }

    private static string Between(string text, string start, string end)
    {
        var from = text.IndexOf(start, StringComparison.Ordinal);
        var to = text.IndexOf(end, StringComparison.Ordinal);
        from.Should().BeGreaterThanOrEqualTo(0);
        to.Should().BeGreaterThan(from);
        return text[(from + start.Length)..to];
    }
}
