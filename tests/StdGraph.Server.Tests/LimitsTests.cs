using System.Text;

namespace StdGraph.Server.Tests;

/// <summary>No query can take the server down: depth, complexity, page size, hops, time and size are bounded.</summary>
[Collection(SnapshotCollection.Name)]
public sealed class LimitsTests(SnapshotFixture snapshot) : IAsyncLifetime
{
    private TestApp _app = null!;

    public async Task InitializeAsync() => _app = await snapshot.StartAsync();

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task a_query_nested_50_deep_is_refused_before_it_runs()
    {
        var query = new StringBuilder("{ standard(code: \"GB/T 22080-2016\") { ");
        for (var i = 0; i < 50; i++) query.Append("replacedBy { ");
        query.Append("code");
        query.Append(' ', 0).Append(string.Concat(Enumerable.Repeat(" }", 50))).Append(" } }");
        var answer = await _app.PostAsync(query.ToString());
        answer.Status.Should().Be(400, answer.ToString());
        answer.Json.TryGetProperty("data", out _).Should().BeFalse();
        answer.FirstErrorMessage.Should().ContainAny("depth", "Depth");
        answer.ErrorCodes.Should().OnlyContain(c => c.Length > 0);
    }

    [Fact]
    public async Task a_query_just_within_the_depth_limit_runs()
    {
        var depth = new ServerLimits().MaxDepth - 2;
        var query = "{ standard(code: \"GB/T 22080-2008\") { " + string.Concat(Enumerable.Repeat("replacedBy(first: 1) { ", depth)) + "code" + string.Concat(Enumerable.Repeat(" }", depth)) + " } }";
        var answer = await _app.PostAsync(query);
        answer.Status.Should().Be(200, answer.ToString());
        answer.HasErrors.Should().BeFalse(answer.ToString());
    }

    [Fact]
    public async Task a_thousand_aliases_are_refused_before_validation()
    {
        var query = new StringBuilder("{ ");
        for (var i = 0; i < 1000; i++) query.Append($"a{i}: search(text: \"cloud\", first: 10) {{ edges {{ node {{ code }} }} }} ");
        query.Append('}');
        var answer = await _app.PostAsync(query.ToString());
        answer.Status.Should().Be(400, answer.ToString());
        answer.ErrorCodes.Should().Equal("TOO_MANY_FIELDS");
    }

    [Fact]
    public async Task two_hundred_forty_aliased_searches_exceed_the_complexity_limit()
    {
        var query = new StringBuilder("{ ");
        for (var i = 0; i < 240; i++) query.Append($"a{i}: search(text: \"cloud\", first: 20) {{ edges {{ node {{ code }} }} }} ");
        query.Append('}');
        var answer = await _app.PostAsync(query.ToString());
        answer.Status.Should().Be(400, answer.ToString());
        answer.FirstErrorMessage.Should().Contain("too complex");
        answer.ErrorCodes.Should().Equal("COMPLEXITY");
    }

    [Fact]
    public async Task a_fragment_spread_a_thousand_times_is_refused()
    {
        var spreads = string.Concat(Enumerable.Range(0, 1000).Select(i => $"s{i}: search(text: \"x\", first: 1) {{ ...F }} "));
        var answer = await _app.PostAsync("{ " + spreads + "} fragment F on SearchConnection { totalCount edges { node { code cites { code } } } }");
        answer.Status.Should().Be(400, answer.ToString());
        answer.ErrorCodes.Should().ContainSingle().Which.Should().BeOneOf("TOO_MANY_FIELDS", "COMPLEXITY");
    }

    [Fact]
    public async Task lists_are_weighted_by_first()
    {
        const string query = "{ search(text: \"information\", first: 100) { edges { node { cites(first: 100) { citedBy(first: 100) { code } } } } } }";
        var answer = await _app.PostAsync(query);
        answer.Status.Should().Be(400, answer.ToString());
        answer.ErrorCodes.Should().Equal("COMPLEXITY");

        var small = await _app.PostAsync(query.Replace("100", "3"));
        small.Status.Should().Be(200, small.ToString());
        small.HasErrors.Should().BeFalse(small.ToString());
    }

    [Fact]
    public async Task cyclic_fragments_are_refused()
    {
        const string query = "query { stats { ...A } } fragment A on Stats { editions ...B } fragment B on Stats { committees ...A }";
        var answer = await _app.PostAsync(query);
        answer.Status.Should().Be(400, answer.ToString());
        answer.ErrorCodes.Should().Contain("NO_FRAGMENT_CYCLES");
    }

    [Fact]
    public async Task a_page_larger_than_the_maximum_is_a_clear_error()
    {
        var answer = await _app.PostAsync("{ search(text: \"cloud\", first: 5000) { totalCount } }");
        answer.ErrorCodes.Should().Contain(c => c == "PAGE_SIZE_EXCEEDED" || c == "COMPLEXITY", answer.ToString());
        answer.Text.Should().NotContain("   at ");

        var justOver = await _app.PostAsync("{ search(text: \"cloud\", first: 101) { totalCount } }");
        justOver.Status.Should().Be(200, justOver.ToString());
        justOver.ErrorCodes.Should().Equal("PAGE_SIZE_EXCEEDED");
        justOver.FirstErrorMessage.Should().Contain("between 0 and 100");
    }

    [Fact]
    public async Task too_many_hops_are_a_clear_error()
    {
        var answer = await _app.PostAsync("{ standard(code: \"GB/T 22080-2016\") { related(relations: [CITES], depth: 50) { standard { code } } } path(from: \"GB/T 22080-2016\", to: \"RFC 9110\", maxHops: 99) { length } }");
        answer.Status.Should().Be(200, answer.ToString());
        answer.ErrorCodes.Should().Equal("BAD_USER_INPUT", "BAD_USER_INPUT");
    }

    [Fact]
    public async Task too_many_codes_at_once_are_a_clear_error()
    {
        var codes = string.Join(",", Enumerable.Range(1, 501).Select(i => $"\"RFC {i}\""));
        var answer = await _app.PostAsync($"{{ standards(codes: [{codes}]) {{ code }} }}");
        answer.ErrorCodes.Should().NotBeEmpty(answer.ToString());
        answer.Text.Should().NotContain("   at ");
    }

    [Fact]
    public async Task a_query_past_the_execution_timeout_is_stopped_with_an_error()
    {
        await using var app = await snapshot.StartAsync(new ServerLimits { ExecutionTimeout = TimeSpan.FromMilliseconds(1) });
        var answer = await app.PostAsync("{ a: search(text: \"information\", first: 100) { totalCount facets { name } } b: search(text: \"technology\") { totalCount } }");
        answer.Status.Should().Be(504, answer.ToString());
        answer.HasErrors.Should().BeTrue(answer.ToString());
        answer.ErrorCodes.Should().Contain("TIMEOUT");
        answer.Text.Should().NotContain("   at ");
    }

    [Fact]
    public async Task introspection_is_on()
    {
        var answer = await _app.PostAsync("{ __schema { queryType { fields { name } } types { name } } }");
        answer.Status.Should().Be(200, answer.ToString());
        var fields = answer.Data.GetProperty("__schema").GetProperty("queryType").GetProperty("fields").EnumerateArray().Select(f => f.GetProperty("name").GetString()).ToList();
        fields.Should().Contain(["search", "standard", "standards", "work", "path", "fields", "committee", "ics", "stats"]);
    }
}
