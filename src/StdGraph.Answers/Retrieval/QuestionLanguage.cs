namespace StdGraph.Answers.Retrieval;

/// <summary>The language to answer in: Chinese when the question holds CJK ideographs, English otherwise.</summary>
internal static class QuestionLanguage
{
    public const string Chinese = "zh";
    public const string English = "en";

    public static string Detect(string question)
    {
        foreach (var ch in question)
            if (IsIdeograph(ch)) return Chinese;
        return English;
    }

    public static bool IsIdeograph(char ch) =>
        ch is >= '\u4E00' and <= '\u9FFF' or >= '\u3400' and <= '\u4DBF' or >= '\uF900' and <= '\uFAFF';
}
