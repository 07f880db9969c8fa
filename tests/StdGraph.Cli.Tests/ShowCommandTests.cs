using StdGraph.Testing;

namespace StdGraph.Cli.Tests;

[Collection(SnapshotDataCollection.Name)]
public class ShowCommandTests(SnapshotDataFixture snapshot)
{
    private Task<StdGraphProcess.Result> Show(params string[] args) =>
        StdGraphProcess.RunAsync(TestPaths.RepositoryRoot, ["show", .. args, "--data", snapshot.DataDirectory]);

    [Fact]
    public async Task show_accepts_a_loose_spelling_and_prints_the_adoption_with_its_degree()
    {
        var result = await Show("gbt22080-2016", "--json");

        result.ExitCode.Should().Be(0, result.Stderr);
        result.Json.GetProperty("code").GetString().Should().Be("GB/T 22080-2016");
        var adopts = result.Json.GetProperty("relations").GetProperty("adopts").EnumerateArray().ToList();
        adopts.Should().ContainSingle(a => a.GetProperty("code").GetString() == "ISO/IEC 27001:2013" && a.GetProperty("degree").GetString() == "IDT");
    }

    [Fact]
    public async Task show_of_an_unknown_code_exits_3_and_of_a_non_code_exits_2()
    {
        (await Show("GB/T 99999-2099")).ExitCode.Should().Be(3);
        var bad = await Show("no such thing");
        bad.ExitCode.Should().Be(2);
        bad.Stderr.Should().Contain("not a standard code");
    }
}
