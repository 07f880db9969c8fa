namespace StdGraph.Rdf.Store;

/// <summary>Three term ids in the order of one index (SPO, POS or OSP); ordered lexicographically.</summary>
internal readonly record struct IdTriple(int A, int B, int C) : IComparable<IdTriple>
{
    public int CompareTo(IdTriple other)
    {
        if (A != other.A) return A < other.A ? -1 : 1;
        if (B != other.B) return B < other.B ? -1 : 1;
        if (C != other.C) return C < other.C ? -1 : 1;
        return 0;
    }

    public IdTriple SpoToPos() => new(B, C, A);
    public IdTriple SpoToOsp() => new(C, A, B);
    public IdTriple PosToSpo() => new(C, A, B);
    public IdTriple OspToSpo() => new(B, C, A);
}
