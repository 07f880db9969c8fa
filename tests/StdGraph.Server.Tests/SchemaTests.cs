using System.Text.Json;

namespace StdGraph.Server.Tests;

/// <summary>Every field of the schema resolves on the real snapshot, and the answers are the right ones.</summary>
[Collection(SnapshotCollection.Name)]
public sealed class SchemaTests(SnapshotFixture snapshot) : IAsyncLifetime
{
    private const string AllStandardFields = """
        code canonical iri workKey inCatalogue body
        title titleZh: title(lang: ZH) titleEn: title(lang: EN) titleFr: title(lang: FR, fallback: false)
        titles { lang text } abstract status type stage issued effective withdrawn year edition ics ccs committee category sources
        fields { rule reason field { id label labelEn labelZh kind } }
        replaces { code } replacedBy { code } amendments { code } amends { code }
        cites(first: 5) { code } citedBy(first: 5) { code } updates { code } updatedBy { code }
        adopts { degree degreeLabel degreeLabelZh: degreeLabel(lang: ZH) standard { code } }
        adoptedBy { degree standard { code } }
        history { code issued }
        related(relations: [REPLACES, REPLACED_BY, ADOPTS], depth: 2) { relation distance degree via { code } standard { code } }
        """;

    private TestApp _app = null!;

    public async Task InitializeAsync() => _app = await snapshot.StartAsync();

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task every_standard_field_resolves()
    {
        var answer = await _app.PostAsync($$"""
            { gb: standard(code: "GB/T 22080-2016") { {{AllStandardFields}} }
              iso: standard(code: "ISO/IEC 27001:2013") { {{AllStandardFields}} }
              rfc: standard(code: "RFC 9110") { {{AllStandardFields}} } }
            """);
        answer.Status.Should().Be(200, answer.ToString());
        answer.HasErrors.Should().BeFalse(answer.ToString());
        var gb = answer.Data.GetProperty("gb");
        gb.GetProperty("iri").GetString().Should().Be("https://stdgraph.org/id/GB_T_22080-2016");
        gb.GetProperty("titleZh").GetString().Should().Be("信息技术 安全技术 信息安全管理体系 要求");
        gb.GetProperty("titleFr").ValueKind.Should().Be(JsonValueKind.Null);
        gb.GetProperty("status").GetString().Should().Be("SUPERSEDED");
        gb.GetProperty("issued").GetString().Should().Be("2016-08-29");
        gb.GetProperty("replaces").EnumerateArray().Select(Code).Should().Equal("GB/T 22080-2008");
        gb.GetProperty("replacedBy").EnumerateArray().Select(Code).Should().Equal("GB/T 22080-2025");
        gb.GetProperty("history").EnumerateArray().Select(Code).Should().Equal("GB/T 22080-2008", "GB/T 22080-2016", "GB/T 22080-2025");
        gb.GetProperty("adopts")[0].GetProperty("degreeLabelZh").GetString().Should().Be("等同采用");
        answer.Data.GetProperty("iso").GetProperty("adoptedBy").EnumerateArray()
            .Select(a => a.GetProperty("standard").GetProperty("code").GetString()).Should().Contain("GB/T 22080-2016");
        answer.Data.GetProperty("rfc").GetProperty("cites").GetArrayLength().Should().BeGreaterThan(0);
    }

    [Fact]
    public async Task gb_22080_2016_adopts_iso_27001_2013_identically_and_that_edition_was_replaced_by_2022()
    {
        var answer = await _app.PostAsync("{ standard(code:\"GB/T 22080-2016\") { code adopts { degree standard { code replacedBy { code } } } } }");
        answer.HasErrors.Should().BeFalse(answer.ToString());
        var standard = answer.Data.GetProperty("standard");
        standard.GetProperty("code").GetString().Should().Be("GB/T 22080-2016");
        var adoption = standard.GetProperty("adopts").EnumerateArray().Single();
        adoption.GetProperty("degree").GetString().Should().Be("IDT");
        adoption.GetProperty("standard").GetProperty("code").GetString().Should().Be("ISO/IEC 27001:2013");
        adoption.GetProperty("standard").GetProperty("replacedBy").EnumerateArray().Select(Code).Should().Contain("ISO/IEC 27001:2022");
    }

    [Fact]
    public async Task search_for_cloud_computing_in_chinese_returns_valid_chinese_standards_with_facets()
    {
        var answer = await _app.PostAsync("{ search(text:\"云计算\", filter:{status:VALID}, first:5) { totalCount edges { node { code title(lang:ZH) status adopts { standard { code } } } } facets { name values { value count } } } }");
        answer.HasErrors.Should().BeFalse(answer.ToString());
        var search = answer.Data.GetProperty("search");
        search.GetProperty("totalCount").GetInt32().Should().BeGreaterThan(0);
        var nodes = search.GetProperty("edges").EnumerateArray().Select(e => e.GetProperty("node")).ToList();
        nodes.Should().NotBeEmpty().And.HaveCountLessThanOrEqualTo(5);
        nodes.Should().OnlyContain(n => n.GetProperty("code").GetString()!.StartsWith("GB"));
        nodes.Should().OnlyContain(n => n.GetProperty("title").GetString()!.Contains("云计算"));
        nodes.Should().OnlyContain(n => n.GetProperty("status").GetString() == "VALID");
        var facets = search.GetProperty("facets").EnumerateArray().ToDictionary(f => f.GetProperty("name").GetString()!, f => f.GetProperty("values"));
        facets.Should().ContainKey("status");
        facets["status"].EnumerateArray().Single().GetProperty("value").GetString().Should().Be("valid");
        facets["body"].EnumerateArray().Sum(v => v.GetProperty("count").GetInt32()).Should().Be(search.GetProperty("totalCount").GetInt32());
    }

    [Fact]
    public async Task search_pages_follow_the_cursor_without_repeating()
    {
        const string query = "query P($after: String) { search(text: \"security\", first: 7, after: $after) { totalCount edges { cursor score highlights node { code } } nodes { code } pageInfo { hasNextPage endCursor } } }";
        var first = await _app.PostAsync(query);
        first.HasErrors.Should().BeFalse(first.ToString());
        var page1 = first.Data.GetProperty("search");
        page1.GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean().Should().BeTrue();
        page1.GetProperty("edges")[0].GetProperty("highlights")[0].GetString().Should().Contain("<em>");
        var second = await _app.PostAsync(query, new { after = page1.GetProperty("pageInfo").GetProperty("endCursor").GetString() });
        var codes1 = page1.GetProperty("nodes").EnumerateArray().Select(Code).ToList();
        var codes2 = second.Data.GetProperty("search").GetProperty("nodes").EnumerateArray().Select(Code).ToList();
        codes2.Should().HaveCount(7).And.NotIntersectWith(codes1);
    }

    [Fact]
    public async Task highlights_and_facets_asked_for_through_fragments_are_computed()
    {
        // The search skips highlights and facets nobody selects, so selections hidden in fragments must still count.
        var answer = await _app.PostAsync("""
            query { search(text: "云计算", first: 3) { ...Found ... on SearchConnection { facets { name values { value count } } } } }
            fragment Found on SearchConnection { edges { ...Marked } }
            fragment Marked on SearchEdge { highlights node { code } }
            """);
        answer.HasErrors.Should().BeFalse(answer.ToString());
        var search = answer.Data.GetProperty("search");
        search.GetProperty("edges")[0].GetProperty("highlights")[0].GetString().Should().Contain("<em>");
        search.GetProperty("facets").GetArrayLength().Should().BeGreaterThan(0);
    }

    [Fact]
    public async Task a_search_that_selects_neither_highlights_nor_facets_names_the_same_editions()
    {
        const string lean = """{ search(text: "信息安全 管理", first: 10) { totalCount edges { cursor node { code } } } }""";
        const string full = """{ search(text: "信息安全 管理", first: 10) { totalCount edges { cursor highlights node { code } } facets { name } } }""";
        var a = (await _app.PostAsync(lean)).Data.GetProperty("search");
        var b = (await _app.PostAsync(full)).Data.GetProperty("search");
        a.GetProperty("totalCount").GetInt32().Should().Be(b.GetProperty("totalCount").GetInt32()).And.BeGreaterThan(0);
        static string[] Edges(JsonElement s) => s.GetProperty("edges").EnumerateArray().Select(e => e.GetProperty("cursor").GetString() + " " + Code(e.GetProperty("node"))).ToArray();
        Edges(a).Should().Equal(Edges(b));
    }

    [Fact]
    public async Task a_cursor_the_server_did_not_issue_is_bad_user_input()
    {
        var answer = await _app.PostAsync("{ search(text: \"security\", after: \"garbage!\") { totalCount } }");
        answer.ErrorCodes.Should().Equal("BAD_USER_INPUT");
    }

    [Fact]
    public async Task every_filter_narrows_the_search()
    {
        var answer = await _app.PostAsync("""
            { all: search(text: "信息安全") { totalCount }
              adopting: search(text: "信息安全", filter: { hasAdoption: true, degree: IDT, body: ["GB"], type: ["GB/T"] }) { totalCount edges { node { adopts { degree } } } }
              notAdopting: search(text: "信息安全", filter: { hasAdoption: false }) { totalCount }
              ics: search(text: "信息安全", filter: { ics: "35" }) { totalCount }
              year: search(text: "信息安全", filter: { year: 2016 }) { totalCount edges { node { year } } }
              committee: search(text: "security", filter: { committee: "ISO/IEC JTC 1/SC 27", status: [VALID, UPCOMING] }) { totalCount edges { node { committee } } }
              field: search(text: "信息安全", filter: { field: "no-such-field" }) { totalCount } }
            """);
        answer.HasErrors.Should().BeFalse(answer.ToString());
        int Total(string alias) => answer.Data.GetProperty(alias).GetProperty("totalCount").GetInt32();
        Total("adopting").Should().BeGreaterThan(0).And.BeLessThan(Total("all"));
        (Total("adopting") + Total("notAdopting")).Should().BeLessThanOrEqualTo(Total("all"));
        Total("ics").Should().BeGreaterThan(0).And.BeLessThanOrEqualTo(Total("all"));
        answer.Data.GetProperty("year").GetProperty("edges").EnumerateArray().Should().OnlyContain(e => e.GetProperty("node").GetProperty("year").GetInt32() == 2016);
        answer.Data.GetProperty("committee").GetProperty("edges").EnumerateArray().Should().OnlyContain(e => e.GetProperty("node").GetProperty("committee").GetString() == "ISO/IEC JTC 1/SC 27");
        Total("committee").Should().BeGreaterThan(0);
        Total("field").Should().Be(0);
    }

    [Fact]
    public async Task standards_work_path_committee_ics_fields_and_stats_resolve()
    {
        var answer = await _app.PostAsync("""
            { standards(codes: ["gbt22080-2016", "ISO/IEC 27001:2022", "GB/T 99999-2099"]) { code }
              work(key: "ISO/IEC 27001:2013") { key current { code } editions { code status } }
              noWork: work(key: "GB/T 99999") { key }
              path(from: "GB/T 22080-2025", to: "ISO/IEC 27001:2013", maxHops: 4) { length steps { from { code } relation degree to { code } } }
              noPath: path(from: "GB/T 22080-2016", to: "RFC 9110", via: [REPLACES], maxHops: 3) { length }
              committee(code: "ISO/IEC JTC 1/SC 27") { code title titles { lang text } status secretariat created scope participants observers count standards(first: 3) { code } }
              ics(code: "35.030") { code title titles { lang } parent { code } children { code } count standards(first: 3) { code } }
              fields { id label children { id } count standards(first: 2) { code } }
              field(id: "none") { id }
              stats { editions committees icsClasses triples byBody { key count } byStatus { key count } byField { key count } byWorkDeployment { key count } } }
            """);
        answer.Status.Should().Be(200, answer.ToString());
        answer.HasErrors.Should().BeFalse(answer.ToString());
        var data = answer.Data;
        data.GetProperty("standards").EnumerateArray().Select(s => s.ValueKind == JsonValueKind.Null ? null : Code(s))
            .Should().Equal("GB/T 22080-2016", "ISO/IEC 27001:2022", null);
        data.GetProperty("work").GetProperty("key").GetString().Should().Be("ISO/IEC 27001");
        data.GetProperty("work").GetProperty("editions").EnumerateArray().Select(Code).Should().Contain(["ISO/IEC 27001:2013", "ISO/IEC 27001:2022"]);
        data.GetProperty("work").GetProperty("current").GetProperty("code").GetString().Should().Be("ISO/IEC 27001:2022");
        data.GetProperty("noWork").ValueKind.Should().Be(JsonValueKind.Null);
        var path = data.GetProperty("path");
        path.GetProperty("length").GetInt32().Should().BeInRange(1, 4);
        path.GetProperty("steps")[0].GetProperty("from").GetProperty("code").GetString().Should().Be("GB/T 22080-2025");
        path.GetProperty("steps")[path.GetProperty("length").GetInt32() - 1].GetProperty("to").GetProperty("code").GetString().Should().Be("ISO/IEC 27001:2013");
        data.GetProperty("noPath").ValueKind.Should().Be(JsonValueKind.Null);
        data.GetProperty("committee").GetProperty("count").GetInt32().Should().BeGreaterThan(50);
        data.GetProperty("committee").GetProperty("participants").EnumerateArray().Select(p => p.GetString()).Should().Contain("SAC");
        data.GetProperty("ics").GetProperty("parent").GetProperty("code").GetString().Should().Be("35");
        data.GetProperty("ics").GetProperty("count").GetInt32().Should().BeGreaterThan(0);
        data.GetProperty("stats").GetProperty("editions").GetInt32().Should().BeGreaterThan(90_000);
    }

    [Fact]
    public async Task a_relation_target_outside_the_snapshot_is_a_node_known_by_its_code()
    {
        var answer = await _app.PostAsync("{ search(text: \"RFC\", filter: { body: [\"IETF\"] }, first: 50) { nodes { cites(first: 100) { code inCatalogue title status } } } }");
        answer.HasErrors.Should().BeFalse(answer.ToString());
        var cited = answer.Data.GetProperty("search").GetProperty("nodes").EnumerateArray().SelectMany(n => n.GetProperty("cites").EnumerateArray()).ToList();
        cited.Should().NotBeEmpty();
        cited.Where(c => !c.GetProperty("inCatalogue").GetBoolean()).Should().OnlyContain(c => c.GetProperty("status").ValueKind == JsonValueKind.Null);
    }

    [Fact]
    public async Task the_field_taxonomy_has_the_eight_key_fields_and_says_which_rule_placed_a_standard()
    {
        var answer = await _app.PostAsync("""
            { fields { id kind labelZh labelEn count children { id kind count } standards(first: 3, status: VALID) { code } }
              search(text: "云计算", filter: { body: ["GB"] }, first: 5) { nodes { code fields { rule reason field { id labelZh parent { id } } } } } }
            """);
        answer.HasErrors.Should().BeFalse(answer.ToString());
        var keyFields = answer.Data.GetProperty("fields").EnumerateArray().ToList();
        keyFields.Should().HaveCount(8);
        keyFields.Should().OnlyContain(f => f.GetProperty("labelZh").GetString()!.Length > 0 && f.GetProperty("children").GetArrayLength() > 0);
        keyFields.Sum(f => f.GetProperty("count").GetInt32()).Should().BeGreaterThan(0);
        var memberships = answer.Data.GetProperty("search").GetProperty("nodes").EnumerateArray().SelectMany(n => n.GetProperty("fields").EnumerateArray()).ToList();
        memberships.Should().NotBeEmpty();
        memberships.Should().OnlyContain(m => m.GetProperty("rule").GetString()!.Length > 0 && m.GetProperty("reason").GetString()!.Length > 0);
    }

    private static string Code(JsonElement e) => e.GetProperty("code").GetString()!;
}
