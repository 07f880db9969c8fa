using GraphQL.DataLoader;
using StdGraph.Server.Resolving;

namespace StdGraph.Server.GraphQL.Loading;

/// <summary>The data loaders of one request (a scoped service): one batch loader per relation, one for fields.</summary>
internal sealed class RequestLoaders(IRelationSource relations, IFieldTaxonomy taxonomy)
{
    private readonly Dictionary<Relation, BatchLoader<string, IReadOnlyList<StandardLink>>> _relations = new();
    private BatchLoader<string, IReadOnlyList<FieldMembership>>? _fields;

    public IDataLoaderResult<IReadOnlyList<StandardLink>> Links(Relation relation, string canonical)
    {
        BatchLoader<string, IReadOnlyList<StandardLink>> loader;
        lock (_relations)
        {
            if (!_relations.TryGetValue(relation, out loader!))
                _relations[relation] = loader = new((keys, ct) => relations.LinksAsync(relation, keys, ct), []);
        }

        return loader.Load(canonical);
    }

    public IDataLoaderResult<IReadOnlyList<FieldMembership>> Fields(string canonical)
    {
        lock (_relations)
            _fields ??= new((keys, ct) => taxonomy.FieldsOfAsync(keys, ct), []);
        return _fields.Load(canonical);
    }
}
