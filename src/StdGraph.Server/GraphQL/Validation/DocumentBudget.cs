using GraphQLParser.AST;

namespace StdGraph.Server.GraphQL.Validation;

/// <summary>Why a document was refused before validation, as a GraphQL error code and a message for the client.</summary>
internal readonly record struct DocumentRefusal(string Code, string Message);

/// <summary>
/// Checks what a parsed document would cost GraphQL.NET's validator before the validator sees it; every check here
/// is linear in the document. The validator's own work is not: its visitors follow every fragment spread into its
/// fragment (fragments that spread the next one twice cost 2^n, and a chain of a few thousand fragments runs for
/// minutes), the overlapping-fields rule compares every pair of fields sharing a response name (a field repeated a
/// thousand times with different arguments yields half a million errors, a 100 MB answer), and other rules compare
/// every pair of directives at one location, of variables, of arguments, of input fields. None of that stops when
/// the client goes away.
/// </summary>
internal static class DocumentBudget
{
    public static DocumentRefusal? Check(GraphQLDocument document, ServerLimits limits)
    {
        try
        {
            new Walk(document, limits).Run();
            return null;
        }
        catch (RefusedException refused)
        {
            return refused.Refusal;
        }
    }

    /// <summary>Selections a subtree adds once its fragment spreads are expanded, and how deeply fragments nest in it.</summary>
    private readonly record struct Cost(long Selections, int FragmentNesting);

    private sealed class Walk
    {
        private readonly GraphQLDocument _document;
        private readonly ServerLimits _limits;
        private readonly Dictionary<string, GraphQLFragmentDefinition> _fragments = new(StringComparer.Ordinal);
        private readonly Dictionary<string, Cost> _fragmentCosts = new(StringComparer.Ordinal);
        private readonly List<string> _expanding = [];

        public Walk(GraphQLDocument document, ServerLimits limits)
        {
            _document = document;
            _limits = limits;
            foreach (var fragment in document.Definitions.OfType<GraphQLFragmentDefinition>())
                _fragments.TryAdd(fragment.FragmentName.Name.StringValue, fragment); // a duplicate name is the validator's to report
        }

        public void Run()
        {
            CountDirectivesAndInputValues();

            long operations = 0;
            foreach (var definition in _document.Definitions)
            {
                var selections = definition switch
                {
                    GraphQLOperationDefinition operation => operations = Saturated(operations + Selections(operation.SelectionSet).Selections),
                    // Every fragment is validated, used or not: each is bounded on its own too.
                    GraphQLFragmentDefinition fragment => FragmentCost(fragment.FragmentName.Name.StringValue).Selections,
                    _ => 0,
                };
                if (selections > _limits.MaxFieldSelections)
                    throw Refuse(ErrorCodes.TooManyFields,
                        $"the document selects more than {_limits.MaxFieldSelections:N0} fields (aliases counted, each fragment spread counting its fragment's fields); split it into smaller requests");
            }

            foreach (var definition in _document.Definitions)
            {
                if (definition is GraphQLOperationDefinition or GraphQLFragmentDefinition)
                    CheckResponseNames([((IHasSelectionSetNode)definition).SelectionSet!]);
            }
        }

        /// <summary>Directives and input values (arguments, input object fields, list items, variable definitions), each node once.</summary>
        private void CountDirectivesAndInputValues()
        {
            var directives = 0;
            var inputValues = 0;
            var stack = new Stack<ASTNode>(_document.Definitions);
            while (stack.Count > 0)
            {
                var node = stack.Pop();
                switch (node)
                {
                    case GraphQLDirective:
                        directives++;
                        break;
                    case GraphQLArgument or GraphQLObjectField or GraphQLVariableDefinition:
                        inputValues++;
                        break;
                    case GraphQLListValue { Values: { } items }:
                        inputValues += items.Count;
                        break;
                }

                if (directives > _limits.MaxDirectives)
                    throw Refuse(ErrorCodes.TooManyDirectives, $"the document holds more than {_limits.MaxDirectives:N0} directives");
                if (inputValues > _limits.MaxInputValues)
                    throw Refuse(ErrorCodes.TooManyInputValues,
                        $"the document holds more than {_limits.MaxInputValues:N0} input values (arguments, input fields, list items, variables); pass long lists as variables");
                foreach (var child in Children(node)) stack.Push(child);
            }
        }

        private static IEnumerable<ASTNode> Children(ASTNode node)
        {
            if (node is IHasDirectivesNode { Directives: { } directives }) foreach (var d in directives.Items) yield return d;
            switch (node)
            {
                case GraphQLOperationDefinition operation:
                    if (operation.Variables is { } variables) foreach (var v in variables.Items) yield return v;
                    yield return operation.SelectionSet;
                    break;
                case GraphQLVariableDefinition { DefaultValue: { } defaultValue }:
                    yield return defaultValue;
                    break;
                case GraphQLFragmentDefinition fragment:
                    yield return fragment.SelectionSet;
                    break;
                case GraphQLSelectionSet set:
                    foreach (var s in set.Selections) yield return s;
                    break;
                case GraphQLField field:
                    if (field.Arguments is { } arguments) foreach (var a in arguments.Items) yield return a;
                    if (field.SelectionSet is { } inner) yield return inner;
                    break;
                case GraphQLDirective { Arguments: { } directiveArguments }:
                    foreach (var a in directiveArguments.Items) yield return a;
                    break;
                case GraphQLInlineFragment inline:
                    yield return inline.SelectionSet;
                    break;
                case GraphQLArgument argument:
                    yield return argument.Value;
                    break;
                case GraphQLObjectValue { Fields: { } fields }:
                    foreach (var f in fields) yield return f;
                    break;
                case GraphQLObjectField objectField:
                    yield return objectField.Value;
                    break;
                case GraphQLListValue { Values: { } values }:
                    foreach (var v in values) yield return v;
                    break;
            }
        }

        private Cost Selections(GraphQLSelectionSet set)
        {
            long selections = 0;
            var nesting = 0;
            foreach (var selection in set.Selections)
            {
                var cost = selection switch
                {
                    GraphQLField { SelectionSet: { } inner } => Selections(inner),
                    GraphQLInlineFragment inline => Selections(inline.SelectionSet),
                    GraphQLFragmentSpread spread => FragmentCost(spread.FragmentName.Name.StringValue),
                    _ => default,
                };
                var own = selection is GraphQLInlineFragment ? 0 : 1; // a field or a spread is one selection itself
                selections = Saturated(selections + own + cost.Selections);
                nesting = Math.Max(nesting, cost.FragmentNesting);
                if (selections > _limits.MaxFieldSelections) break; // over the limit already: the rest cannot save it
            }

            return new Cost(selections, nesting);
        }

        private Cost FragmentCost(string name)
        {
            if (_fragmentCosts.TryGetValue(name, out var known)) return known;
            if (!_fragments.TryGetValue(name, out var fragment)) return default; // unknown fragment: the validator's to report

            var cycleStart = _expanding.IndexOf(name);
            if (cycleStart >= 0)
                throw Refuse(ErrorCodes.NoFragmentCycles,
                    $"fragment '{name}' spreads itself (via {string.Join(" → ", _expanding.Skip(cycleStart).Append(name))})");
            if (_expanding.Count >= _limits.MaxFragmentNesting)
                throw TooDeep();

            _expanding.Add(name);
            var inner = Selections(fragment.SelectionSet);
            _expanding.RemoveAt(_expanding.Count - 1);
            var cost = inner with { FragmentNesting = inner.FragmentNesting + 1 };
            if (cost.FragmentNesting > _limits.MaxFragmentNesting) throw TooDeep();
            _fragmentCosts[name] = cost;
            return cost;

            RefusedException TooDeep() => Refuse(ErrorCodes.MaxDepthExceeded,
                $"fragments nest more than {_limits.MaxFragmentNesting} deep (fragment '{name}'); spread them side by side instead");
        }

        /// <summary>
        /// Fields of one response name at one level must be merged by the validator pair by pair; past a few, no query
        /// needs them (give the others aliases). A level is every selection set the fields of one response name bring
        /// together, fragments expanded, so the check sees what the validator compares. Runs after the selection count
        /// (the expanded tree is bounded) and the fragment checks (no cycles, bounded nesting).
        /// </summary>
        private void CheckResponseNames(IReadOnlyList<GraphQLSelectionSet> level)
        {
            var byName = new Dictionary<string, List<GraphQLField>>(StringComparer.Ordinal);
            foreach (var set in level) Collect(set, byName);
            foreach (var (name, fields) in byName)
            {
                if (fields.Count > _limits.MaxSameNameSelections)
                    throw Refuse(ErrorCodes.TooManyFields,
                        $"'{name}' is selected {fields.Count:N0} times at one level; at most {_limits.MaxSameNameSelections} selections may share a response name (give the others aliases)");
                var children = fields.Select(f => f.SelectionSet).OfType<GraphQLSelectionSet>().ToList();
                if (children.Count > 0) CheckResponseNames(children);
            }
        }

        private void Collect(GraphQLSelectionSet set, Dictionary<string, List<GraphQLField>> byName)
        {
            foreach (var selection in set.Selections)
            {
                switch (selection)
                {
                    case GraphQLField field:
                        var name = (field.Alias?.Name ?? field.Name).StringValue;
                        if (!byName.TryGetValue(name, out var fields)) byName[name] = fields = [];
                        fields.Add(field);
                        break;
                    case GraphQLInlineFragment inline:
                        Collect(inline.SelectionSet, byName);
                        break;
                    case GraphQLFragmentSpread spread when _fragments.TryGetValue(spread.FragmentName.Name.StringValue, out var fragment):
                        Collect(fragment.SelectionSet, byName);
                        break;
                }
            }
        }

        private long Saturated(long selections) => Math.Min(selections, _limits.MaxFieldSelections + 1L);

        private static RefusedException Refuse(string code, string message) => new(new DocumentRefusal(code, message));
    }

    private sealed class RefusedException(DocumentRefusal refusal) : Exception(refusal.Message)
    {
        public DocumentRefusal Refusal { get; } = refusal;
    }
}
