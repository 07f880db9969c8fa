using System.Text;
using CsCheck;

namespace StdGraph.Testing;

/// <summary>
/// Runs a CsCheck generator from a fixed PCG seed, so every CI run sees the same inputs (CsCheck's own <c>Sample</c>
/// draws fresh seeds after the first iteration). Every iteration runs even after a failure; failures are grouped
/// by the innermost exception's type and throwing frame, and each group is reported once with its first input, so
/// one known crash does not hide the others.
/// </summary>
public static class DeterministicSample
{
    public static void Run<T>(Gen<T> gen, ulong seed, int iterations, Action<T> check, Func<T, string>? describe = null)
    {
        var pcg = new PCG(stream: 1, seed);
        var failures = new Dictionary<string, (int Iteration, T Input, Exception Error, int Count)>();
        for (var i = 0; i < iterations; i++)
        {
            var value = gen.Generate(pcg, null, out _);
            try
            {
                check(value);
            }
            catch (Exception e)
            {
                var key = Signature(e);
                failures[key] = failures.TryGetValue(key, out var seen) ? seen with { Count = seen.Count + 1 } : (i, value, e, 1);
            }
        }

        if (failures.Count == 0) return;
        var report = new StringBuilder($"{failures.Count} kind(s) of failure in {iterations} inputs from seed {seed}:\n");
        foreach (var (key, f) in failures)
        {
            report.Append($"\n• {key} — {f.Count} input(s); first at iteration {f.Iteration}: {describe?.Invoke(f.Input) ?? f.Input?.ToString()}\n");
            report.Append(f.Error.ToString()).Append('\n');
        }

        throw new InvalidOperationException(report.ToString());
    }

    /// <summary>The input as C# escapes, so control characters and lone surrogates survive into the report.</summary>
    public static string Escape(string text)
    {
        var head = text.Length > 300 ? text[..300] : text;
        var escaped = string.Concat(head.Select(c => c is >= ' ' and <= '~' && c != '\\' && c != '"' ? c.ToString() : $"\\u{(int)c:X4}"));
        return $"\"{escaped}\"" + (text.Length > 300 ? $" (… {text.Length} chars)" : "");
    }

    private static string Signature(Exception e)
    {
        var inner = e;
        while (inner.InnerException is not null) inner = inner.InnerException;
        var frame = inner.StackTrace?.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.Contains("StdGraph.", StringComparison.Ordinal) && !l.Contains(".Tests.", StringComparison.Ordinal));
        if (frame is null) return $"{inner.GetType().Name}: {inner.Message.Split('\n')[0]}";
        var at = frame.IndexOf(" in ", StringComparison.Ordinal);
        return $"{inner.GetType().Name} {(at > 0 ? frame[..at] : frame)}";
    }
}
