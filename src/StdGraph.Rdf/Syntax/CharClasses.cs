namespace StdGraph.Rdf.Syntax;

/// <summary>The character classes of the Turtle / N-Triples grammars, on code points.</summary>
internal static class CharClasses
{
    public static bool IsPnCharsBase(int c) =>
        c is >= 'A' and <= 'Z' or >= 'a' and <= 'z'
            or >= 0x00C0 and <= 0x00D6 or >= 0x00D8 and <= 0x00F6 or >= 0x00F8 and <= 0x02FF
            or >= 0x0370 and <= 0x037D or >= 0x037F and <= 0x1FFF or >= 0x200C and <= 0x200D
            or >= 0x2070 and <= 0x218F or >= 0x2C00 and <= 0x2FEF or >= 0x3001 and <= 0xD7FF
            or >= 0xF900 and <= 0xFDCF or >= 0xFDF0 and <= 0xFFFD or >= 0x10000 and <= 0xEFFFF;

    public static bool IsPnCharsU(int c) => c == '_' || IsPnCharsBase(c);

    public static bool IsPnChars(int c) =>
        IsPnCharsU(c) || c is '-' or >= '0' and <= '9' or 0x00B7 or >= 0x0300 and <= 0x036F or >= 0x203F and <= 0x2040;

    public static bool IsDigit(int c) => c is >= '0' and <= '9';

    public static bool IsHex(int c) => c is >= '0' and <= '9' or >= 'a' and <= 'f' or >= 'A' and <= 'F';

    public static bool IsAsciiLetter(int c) => c is >= 'a' and <= 'z' or >= 'A' and <= 'Z';

    /// <summary>Characters that may not appear, even escaped, inside an IRIREF.</summary>
    public static bool IsForbiddenInIri(int c) => c is <= 0x20 or '<' or '>' or '"' or '{' or '}' or '|' or '^' or '`' or '\\';

    public static bool IsLocalNameEscapable(int c) => "_~.-!$&'()*+,;=/?#@%".IndexOf((char)c) >= 0;
}
