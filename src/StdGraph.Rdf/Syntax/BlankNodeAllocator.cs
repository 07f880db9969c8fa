namespace StdGraph.Rdf.Syntax;

/// <summary>
/// Gives each document label one blank node and makes fresh ones for '[]' and collections, never reusing a
/// label the document itself uses.
/// </summary>
internal sealed class BlankNodeAllocator
{
    private readonly Dictionary<string, BlankNode> _byLabel = new(StringComparer.Ordinal);
    private readonly HashSet<string> _generated = new(StringComparer.Ordinal);
    private long _counter;

    public BlankNode ForLabel(string label)
    {
        if (_byLabel.TryGetValue(label, out var node)) return node;
        node = _generated.Contains(label) ? Fresh() : new BlankNode(label);
        _byLabel[label] = node;
        return node;
    }

    public BlankNode Fresh()
    {
        string label;
        do label = "b" + (++_counter).ToString(System.Globalization.CultureInfo.InvariantCulture);
        while (_byLabel.ContainsKey(label));
        _generated.Add(label);
        return new BlankNode(label);
    }
}
