using System.Globalization;
using StdGraph.Core.Codes;

namespace StdGraph.Search.Analysis;

/// <summary>
/// The lookup keys of a standard code. An indexed edition carries all of them; a code found in a query asks for the
/// ones it can state, each with its own weight, so the exact edition outranks the same work, which outranks the same number.
/// </summary>
internal static class CodeKeys
{
    /// <summary>The exact edition: <c>e:gb/t 22080-2016</c>.</summary>
    public static string Edition(StandardCode code) => "e:" + Lower(code.Canonical);

    /// <summary>The work (all editions, amendments included): <c>w:iso/iec 27001</c>.</summary>
    public static string Work(StandardCode code) => "w:" + Lower(code.WorkKey);

    /// <summary>One issuing body and the number: <c>p:iso 27001</c> also matches <c>ISO/IEC 27001</c>; <c>p:gb 22080</c> matches GB/T 22080.</summary>
    public static string BodyNumber(string body, string numberWithPart) => "p:" + Lower(body) + " " + Lower(numberWithPart);

    /// <summary>The number with part, any body: <c>n:22080</c>, <c>n:62443-3-3</c>.</summary>
    public static string Number(string numberWithPart) => "n:" + Lower(numberWithPart);

    /// <summary>The number of a multipart work without its part: <c>b:62443</c>.</summary>
    public static string BaseNumber(string number) => "b:" + Lower(number);

    /// <summary>Number and year, any body: <c>y:22080-2016</c>, <c>y:27001-2022</c>.</summary>
    public static string NumberYear(string numberWithPart, int year) => "y:" + Lower(numberWithPart) + "-" + year.ToString(CultureInfo.InvariantCulture);

    /// <summary>Every key an indexed edition answers to, the first being <see cref="Edition"/>.</summary>
    public static IReadOnlyList<string> ForIndexedCode(StandardCode code)
    {
        var keys = new List<string>(8) { Edition(code), Work(code), Number(code.NumberWithPart) };
        if (code.Part is not null) keys.Add(BaseNumber(code.Number));
        if (code.Year is { } year) keys.Add(NumberYear(code.NumberWithPart, year));
        foreach (var body in Bodies(code)) keys.Add(BodyNumber(body, code.NumberWithPart));
        return keys.Distinct(StringComparer.Ordinal).ToList();
    }

    /// <summary>The body names a user may type for this code: each member of a joint prefix, and <c>GB</c> for GB/T and GB/Z.</summary>
    public static IEnumerable<string> Bodies(StandardCode code) => code.Family switch
    {
        CodeFamily.International => code.Prefix.Split('/', StringSplitOptions.RemoveEmptyEntries),
        CodeFamily.Chinese => code.Prefix.StartsWith("GB", StringComparison.Ordinal) ? ["GB", code.Prefix] : [code.Prefix],
        _ => [code.Prefix],
    };

    private static string Lower(string s) => s.ToLowerInvariant();
}
