using GraphQL;
using GraphQLParser.AST;

namespace StdGraph.Server.GraphQL;

/// <summary>
/// Whether a query reads a field below the one being resolved, so a resolver can skip work nobody asked for
/// (highlights, facets). Fragments (inline and named) are followed; <c>@skip</c>/<c>@include</c> are not
/// evaluated, so a conditionally selected field counts as selected: the answer errs towards doing the work.
/// </summary>
internal static class SelectionPaths
{
    public static bool Selects(this IResolveFieldContext context, params string[] path) =>
        context.FieldAst.SelectionSet is { } set && Selects(context.Document, set, path, 0, new HashSet<string>(StringComparer.Ordinal));

    private static bool Selects(GraphQLDocument document, GraphQLSelectionSet set, string[] path, int depth, HashSet<string> fragmentsSeen)
    {
        foreach (var selection in set.Selections)
        {
            switch (selection)
            {
                case GraphQLField field when field.Name.Value == path[depth]:
                    if (depth == path.Length - 1) return true;
                    if (field.SelectionSet is { } below && Selects(document, below, path, depth + 1, fragmentsSeen)) return true;
                    break;
                case GraphQLInlineFragment inline:
                    if (Selects(document, inline.SelectionSet, path, depth, fragmentsSeen)) return true;
                    break;
                case GraphQLFragmentSpread spread:
                    var name = (string)spread.FragmentName.Name.Value;
                    if (!fragmentsSeen.Add(name + "@" + depth)) break;
                    var definition = document.Definitions.OfType<GraphQLFragmentDefinition>().FirstOrDefault(d => d.FragmentName.Name.Value == name);
                    if (definition is not null && Selects(document, definition.SelectionSet, path, depth, fragmentsSeen)) return true;
                    break;
            }
        }

        return false;
    }
}
