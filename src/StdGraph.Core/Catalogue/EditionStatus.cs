namespace StdGraph.Core.Catalogue;

public enum EditionStatus
{
    Valid,
    Superseded,
    Withdrawn,
    Upcoming,
    Draft,
}

public static class EditionStatusNames
{
    public static bool TryParse(string? text, out EditionStatus status)
    {
        switch (text?.Trim().ToLowerInvariant())
        {
            case "valid": status = EditionStatus.Valid; return true;
            case "superseded": status = EditionStatus.Superseded; return true;
            case "withdrawn": status = EditionStatus.Withdrawn; return true;
            case "upcoming": status = EditionStatus.Upcoming; return true;
            case "draft": status = EditionStatus.Draft; return true;
            default: status = default; return false;
        }
    }

    public static string ToName(this EditionStatus status) => status.ToString().ToLowerInvariant();
}
