namespace StdGraph.Server.Tests;

/// <summary>
/// Documents whose validation alone would cost the server minutes or gigabytes are refused before the validator sees
/// them (regressions: each of these ran GraphQL.NET's validator for seconds to hours, or answered 100 MB of errors).
/// </summary>
[Collection(SnapshotCollection.Name)]
public sealed class DocumentBudgetTests(SnapshotFixture snapshot) : IAsyncLifetime
{
    private TestApp _app = null!;

    public async Task InitializeAsync() => _app = await snapshot.StartAsync();

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Theory]
    [InlineData(30, "MAX_DEPTH_EXCEEDED")] // was: a 1.6 KB request ran the validator for hours (2^30 expansions)
    [InlineData(12, "TOO_MANY_FIELDS")] // within the nesting limit, but 2^12 fields once expanded
    public async Task fragments_that_spread_the_next_one_twice_are_refused_instead_of_expanded_exponentially(int levels, string code)
    {
        var fragments = string.Concat(Enumerable.Range(0, levels).Select(i => $"fragment F{i} on Query {{ ...F{i + 1} ...F{i + 1} }} "));
        var answer = await _app.PostAsync($"{{ ...F0 }} {fragments} fragment F{levels} on Query {{ stats {{ editions }} }}");
        answer.Status.Should().Be(400, answer.ToString());
        answer.ErrorCodes.Should().Equal(code);
    }

    [Fact]
    public async Task a_chain_of_three_thousand_fragments_is_refused_before_validation()
    {
        // Was: validation grew faster than the square of the chain (3,000 fragments: 49 s, then a 504; 7,000: minutes).
        var answer = await _app.PostAsync(Chain(3000));
        answer.Status.Should().Be(400, answer.ToString());
        answer.ErrorCodes.Should().Equal("MAX_DEPTH_EXCEEDED");
        answer.FirstErrorMessage.Should().Contain("fragments nest more than 16 deep");
    }

    [Fact]
    public async Task fragments_nested_as_deep_as_allowed_still_run()
    {
        var answer = await _app.PostAsync(Chain(new ServerLimits().MaxFragmentNesting - 1));
        answer.Status.Should().Be(200, answer.ToString());
        answer.HasErrors.Should().BeFalse(answer.ToString());
        answer.Data.GetProperty("stats").GetProperty("editions").GetInt32().Should().BeGreaterThan(90_000);
    }

    [Fact]
    public async Task a_fragment_defined_before_its_operation_is_counted_once()
    {
        var titles = string.Join(" ", Enumerable.Range(0, 600).Select(i => $"t{i}: title(lang: ZH)"));
        var answer = await _app.PostAsync($"fragment Titles on Standard {{ {titles} }} query {{ standard(code: \"GB/T 22080-2016\") {{ ...Titles }} }}");
        answer.Status.Should().Be(200, answer.ToString());
        answer.Data.GetProperty("standard").GetProperty("t599").GetString().Should().NotBeNullOrEmpty();
    }

    [Fact]
    public async Task a_cycle_among_doubling_fragments_is_refused_as_a_cycle()
    {
        var answer = await _app.PostAsync("{ ...A } fragment A on Query { ...B ...B } fragment B on Query { ...C ...C } fragment C on Query { stats { editions } ...A }");
        answer.Status.Should().Be(400, answer.ToString());
        answer.ErrorCodes.Should().Equal("NO_FRAGMENT_CYCLES");
        answer.FirstErrorMessage.Should().Contain("A → B → C → A");
    }

    [Fact]
    public async Task a_field_repeated_a_thousand_times_with_different_arguments_is_refused_instead_of_answered_with_every_conflicting_pair()
    {
        // Was: 330,000 OVERLAPPING_FIELDS_CAN_BE_MERGED errors, a 111 MB answer and the server's memory at 1.9 GB.
        var titles = string.Join(" ", Enumerable.Range(0, 998).Select(i => $"title(lang: {(i % 2 == 0 ? "ZH" : "EN")})"));
        var answer = await _app.PostAsync($"{{ standard(code: \"GB/T 22080-2016\") {{ {titles} }} }}");
        answer.Status.Should().Be(400, answer.ToString());
        answer.ErrorCodes.Should().Equal("TOO_MANY_FIELDS");
        answer.FirstErrorMessage.Should().Contain("'title' is selected 998 times");
    }

    [Fact]
    public async Task same_named_fields_brought_together_by_fragments_are_counted_together()
    {
        var fragments = string.Concat(Enumerable.Range(0, 30).Select(i => $"fragment T{i} on Standard {{ title(lang: ZH) }} "));
        var spreads = string.Concat(Enumerable.Range(0, 30).Select(i => $"...T{i} "));
        var answer = await _app.PostAsync($"{{ standard(code: \"GB/T 22080-2016\") {{ {spreads}}} }} {fragments}");
        answer.Status.Should().Be(400, answer.ToString());
        answer.ErrorCodes.Should().Equal("TOO_MANY_FIELDS");
    }

    [Fact]
    public async Task a_field_repeated_within_the_limit_is_merged_and_runs()
    {
        var codes = string.Join(" ", Enumerable.Repeat("code", new ServerLimits().MaxSameNameSelections));
        var answer = await _app.PostAsync($"{{ standard(code: \"GB/T 22080-2016\") {{ {codes} }} }}");
        answer.Status.Should().Be(200, answer.ToString());
        answer.Data.GetProperty("standard").GetProperty("code").GetString().Should().Be("GB/T 22080-2016");
    }

    [Fact]
    public async Task thousands_of_directives_are_refused_before_validation()
    {
        // Was: the unique-directives rule compared every pair (13,000 @include on one field: 3 s and 13,000 errors).
        var answer = await _app.PostAsync("{ __typename " + string.Concat(Enumerable.Repeat("@include(if: true) ", 10_000)) + "}");
        answer.Status.Should().Be(400, answer.ToString());
        answer.ErrorCodes.Should().Equal("TOO_MANY_DIRECTIVES");
    }

    [Theory]
    [InlineData("query Q({0}) {{ __typename }}", "$v{0}: Int")] // was: 28,000 unused variables, 4.4 s
    [InlineData("{{ search(text: \"x\", filter: {{ {0} }}) {{ totalCount }} }}", "status: VALID")] // was: 19,000 duplicate input fields, 2.9 s
    [InlineData("{{ fields({0}) {{ id }} }}", "a{0}: 1")] // was: 28,000 unknown arguments, 3.4 s
    [InlineData("{{ standards(codes: [{0}]) {{ code }} }}", "{0}")] // was: 60,000 list items of the wrong type, one 3 MB error message
    public async Task thousands_of_input_values_are_refused_before_validation(string document, string value)
    {
        var values = string.Join(" ", Enumerable.Range(0, 3000).Select(i => string.Format(value, i)));
        var answer = await _app.PostAsync(string.Format(document, values));
        answer.Status.Should().Be(400, answer.ToString());
        answer.ErrorCodes.Should().Equal("TOO_MANY_INPUT_VALUES");
    }

    [Fact]
    public async Task five_hundred_codes_in_one_list_still_run()
    {
        var codes = string.Join(", ", Enumerable.Range(1, 500).Select(i => $"\"RFC {i}\""));
        var answer = await _app.PostAsync($"{{ standards(codes: [{codes}]) {{ code }} }}");
        answer.Status.Should().Be(200, answer.ToString());
        answer.HasErrors.Should().BeFalse(answer.ToString());
        answer.Data.GetProperty("standards").GetArrayLength().Should().Be(500);
    }

    [Fact]
    public async Task an_answer_with_hundreds_of_errors_reports_the_first_hundred_and_counts_the_rest()
    {
        var unknown = string.Join(" ", Enumerable.Range(0, 999).Select(i => $"a{i}: colour"));
        var answer = await _app.PostAsync($"{{ {unknown} }}");
        answer.Status.Should().Be(400, answer.ToString());
        answer.ErrorCodes.Should().HaveCount(101);
        answer.ErrorCodes.Take(100).Should().OnlyContain(c => c == "FIELDS_ON_CORRECT_TYPE");
        answer.ErrorCodes[^1].Should().Be("TOO_MANY_ERRORS");
        answer.Json.GetProperty("errors")[100].GetProperty("message").GetString().Should().Be("899 more errors not shown");
    }

    private static string Chain(int length) =>
        "{ ...F0 } " + string.Concat(Enumerable.Range(0, length).Select(i => $"fragment F{i} on Query {{ ...F{i + 1} }} "))
        + $"fragment F{length} on Query {{ stats {{ editions }} }}";
}
