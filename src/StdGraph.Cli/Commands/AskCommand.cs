using System.CommandLine;
using StdGraph.Answers;
using StdGraph.Answers.Llm;
using StdGraph.Engine;

namespace StdGraph.Cli.Commands;

/// <summary>
/// <c>stdgraph ask "QUESTION"</c>: an answer grounded in the catalogue, in the question's language, with the standards
/// it cites. Uses the language model configured under <c>Llm:*</c> (<c>STDGRAPH_LLM__ENDPOINT</c>, <c>…__MODEL</c>,
/// <c>…__APIKEY</c>); without one, or when it fails, the answer is composed from the graph.
/// </summary>
internal static class AskCommand
{
    private static readonly Argument<string> Question = new("question") { Description = "A question in Chinese or English, e.g. \"GB/T 22080-2016 和 ISO/IEC 27001 是什么关系？\"." };

    private static readonly Option<string[]> Status = new("--status") { Description = "Only standards with this status when searching (valid, superseded, withdrawn…); repeatable." };

    private static readonly Option<string[]> Body = new("--body") { Description = "Only standards of this body when searching (SAC for national standards, ISO, IEC, ISO/IEC, IETF); repeatable." };

    public static Command Create()
    {
        var command = new Command("ask", "Answer a question about standards, citing the standards used.") { Question, Status, Body };
        command.SetAction(async (parse, ct) =>
        {
            var question = parse.GetValue(Question) ?? "";
            if (string.IsNullOrWhiteSpace(question)) return Output.Error("the question is empty", ExitCodes.BadInput);
            if (question.Length > AnswerService.MaxQuestionLength) return Output.Error($"the question is longer than {AnswerService.MaxQuestionLength} characters", ExitCodes.BadInput);

            var config = CliSettings.Load();
            LlmOptions llm;
            try
            {
                llm = LlmOptions.FromSettings(key => config[key]);
            }
            catch (ArgumentException e)
            {
                return Output.Error(e.Message, ExitCodes.BadInput);
            }

            var filter = new AnswerFilter { Status = parse.GetValue(Status) ?? [], Body = parse.GetValue(Body) ?? [] };
            await using var engine = await StdGraphEngine.OpenAsync(GlobalOptions.EngineOptions(parse), ct: ct);
            using var service = new AnswerService(engine, llm);

            if (parse.GetValue(GlobalOptions.Json))
            {
                var answer = await service.AnswerAsync(question, filter, ct);
                ReportFallback(answer);
                Output.WriteJson(new
                {
                    answer = answer.Text,
                    language = answer.Language,
                    citations = answer.Citations.Select(c => new { code = c.Code, title = c.Title }),
                    usedLlm = answer.UsedLlm,
                    retrieved = answer.Retrieved.Select(r => new { code = r.Code, title = r.Title, status = r.Status, reason = r.Reason }),
                    found = answer.Found,
                    unverified = answer.Unverified,
                    fallbackReason = answer.FallbackReason,
                });
                return ExitCodes.Success;
            }

            Console.OutputEncoding = System.Text.Encoding.UTF8;
            Answer? final = null;
            await foreach (var chunk in service.StreamAsync(question, filter, ct))
            {
                if (chunk.IsFinal) final = chunk.Final;
                else Console.Out.Write(chunk.Text);
            }
            Console.Out.WriteLine();
            if (final is null) return ExitCodes.Success;
            ReportFallback(final);
            if (final.Citations.Count > 0)
            {
                Console.Out.WriteLine();
                Console.Out.WriteLine(final.Language == "zh" ? "引用：" : "Sources:");
                foreach (var c in final.Citations) Console.Out.WriteLine($"  [{c.Code}]{(c.Title is null ? "" : "  " + c.Title)}");
            }
            return ExitCodes.Success;
        });
        return command;
    }

    private static void ReportFallback(Answer answer)
    {
        if (answer.FallbackReason is not null)
            Console.Error.WriteLine($"stdgraph: the language model gave no usable answer ({answer.FallbackReason}); answered from the graph");
    }
}
