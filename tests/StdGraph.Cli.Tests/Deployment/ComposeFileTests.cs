using System.Diagnostics;
using StdGraph.Testing;

namespace StdGraph.Cli.Tests.Deployment;

/// <summary>
/// docker-compose.yml as Compose itself reads it. No container is started (no images here); `config` parses,
/// validates against the Compose schema and resolves the file, which is what a user's `docker compose up` does first.
/// </summary>
public sealed class ComposeFileTests
{
    [Fact]
    public async Task docker_compose_config_accepts_the_compose_file_with_the_app_on_the_sparql_backend_beside_virtuoso()
    {
        var compose = FindOnPath("docker-compose")
            ?? throw new InvalidOperationException("docker-compose is not installed; ./test.sh installs it (apt-get install -y docker-compose)");
        var psi = new ProcessStartInfo(compose, ["-f", Path.Combine(TestPaths.RepositoryRoot, "docker-compose.yml"), "config"])
        {
            WorkingDirectory = TestPaths.RepositoryRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(psi)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();

        process.ExitCode.Should().Be(0, await stderr);
        var resolved = await stdout;
        resolved.Should().Contain("openlink/virtuoso-opensource-7")
            .And.Contain("STDGRAPH_GRAPH__BACKEND: sparql")
            .And.Contain("condition: service_healthy")
            .And.Contain("healthz");
    }

    private static string? FindOnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Select(d => Path.Combine(d, name)).FirstOrDefault(File.Exists);
}
