using System.Globalization;

namespace StdGraph.Core.Catalogue;

/// <summary>A catalogue date that may be known only to the year or month (<c>2016</c>, <c>2016-08</c>, <c>2016-08-29</c>).</summary>
public readonly record struct PartialDate(int Year, int? Month = null, int? Day = null) : IComparable<PartialDate>
{
    public static bool TryParse(string? text, out PartialDate date)
    {
        date = default;
        if (string.IsNullOrWhiteSpace(text)) return false;
        var parts = text.Trim().Split('-');
        if (parts.Length > 3 || parts[0].Length != 4 || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var year) || year < 1800 || year > 2200)
            return false;
        if (parts.Length == 1) { date = new PartialDate(year); return true; }
        if (parts[1].Length != 2 || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var month) || month is < 1 or > 12)
            return false;
        if (parts.Length == 2) { date = new PartialDate(year, month); return true; }
        if (parts[2].Length != 2 || !int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var day) || day < 1 || day > DateTime.DaysInMonth(year, month))
            return false;
        date = new PartialDate(year, month, day);
        return true;
    }

    /// <summary>The earliest day the date can stand for (for ordering and durations).</summary>
    public DateOnly Earliest => new(Year, Month ?? 1, Day ?? 1);

    public int CompareTo(PartialDate other) => Earliest.CompareTo(other.Earliest);

    public override string ToString() =>
        Month is null ? Year.ToString("D4", CultureInfo.InvariantCulture)
        : Day is null ? $"{Year:D4}-{Month:D2}"
        : $"{Year:D4}-{Month:D2}-{Day:D2}";
}
