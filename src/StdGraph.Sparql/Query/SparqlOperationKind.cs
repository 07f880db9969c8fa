using System.Text.RegularExpressions;

namespace StdGraph.Sparql.Query;

/// <summary>Tells an update from a query by its first keyword after the prologue, without parsing the whole request.</summary>
internal static partial class SparqlOperationKind
{
    private static readonly HashSet<string> UpdateKeywords = new(StringComparer.OrdinalIgnoreCase)
    {
        "INSERT", "DELETE", "LOAD", "CLEAR", "CREATE", "DROP", "COPY", "MOVE", "ADD", "WITH",
    };

    public static bool IsUpdate(string text)
    {
        var lexer = new SparqlLexer(text);
        try
        {
            while (true)
            {
                var token = lexer.Next();
                if (token.Kind == TokenKind.End) return false;
                if (token.Kind != TokenKind.Word) return false;
                if (token.Text.Equals("PREFIX", StringComparison.OrdinalIgnoreCase)) { lexer.Next(); lexer.Next(); continue; }
                if (token.Text.Equals("BASE", StringComparison.OrdinalIgnoreCase)) { lexer.Next(); continue; }
                return UpdateKeywords.Contains(token.Text);
            }
        }
        catch (SparqlSyntaxException)
        {
            // Unlexable text is neither; let the server or the parser report it, but fall back on a keyword scan so a
            // malformed update is still never forwarded.
            return UpdateWord().IsMatch(text);
        }
    }

    [GeneratedRegex(@"\b(INSERT|DELETE|LOAD|CLEAR|CREATE|DROP|COPY|MOVE)\b", RegexOptions.IgnoreCase)]
    private static partial Regex UpdateWord();
}
