using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Mesh.Deployment.Tests;

public sealed class DockerfileTests
{
    public static TheoryData<string> Services => new(Repo.Services);

    [Theory]
    [MemberData(nameof(Services))]
    public void The_image_is_multi_stage_non_root_on_port_8080_with_a_health_check(string service)
    {
        var dockerfile = File.ReadAllText(Repo.PathOf(Repo.DockerfileOf(service)));
        Assert.Matches(new Regex(@"^FROM mcr\.microsoft\.com/dotnet/sdk:10\.0 AS build$", RegexOptions.Multiline), dockerfile);
        Assert.Matches(new Regex(@"^FROM mcr\.microsoft\.com/dotnet/aspnet:10\.0\b", RegexOptions.Multiline), dockerfile);
        Assert.Matches(new Regex(@"^COPY --from=build ", RegexOptions.Multiline), dockerfile);
        var user = Regex.Matches(dockerfile, @"^USER\s+(\S+)", RegexOptions.Multiline).Last().Groups[1].Value;
        Assert.DoesNotMatch(@"^(root|0)(:.*)?$", user);
        Assert.Matches(new Regex(@"^HEALTHCHECK .*(\n.*)*/health/live", RegexOptions.Multiline), dockerfile);
        Assert.Contains("ASPNETCORE_URLS=http://0.0.0.0:8080", dockerfile);
        Assert.Matches(new Regex(@"^EXPOSE 8080$", RegexOptions.Multiline), dockerfile);
        Assert.Contains($"org.opencontainers.image.title=\"mesh/{service}\"", dockerfile);
    }

    [Theory]
    [MemberData(nameof(Services))]
    public void The_build_copies_every_project_the_service_references_and_runs_its_assembly(string service)
    {
        var dockerfile = File.ReadAllText(Repo.PathOf(Repo.DockerfileOf(service)));
        var copied = Regex.Matches(dockerfile, @"^COPY (?!--from)(.+)$", RegexOptions.Multiline)
            .SelectMany(m => m.Groups[1].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries).SkipLast(1))
            .ToList();
        foreach (var file in new[] { "global.json", "Directory.Build.props", "Directory.Packages.props" })
        {
            Assert.Contains(file, copied);
        }
        var project = Repo.PathOf($"services/{service}/{Repo.Capitalized(service)}.Service/{Repo.Capitalized(service)}.Service.csproj");
        foreach (var referenced in ProjectClosure(project))
        {
            var relative = Path.GetRelativePath(Repo.Root, referenced).Replace('\\', '/');
            Assert.True(copied.Any(c => relative.StartsWith(c.TrimEnd('/') + "/", StringComparison.Ordinal)),
                $"{Repo.DockerfileOf(service)} does not COPY {relative}, so the image build cannot restore it");
        }
        var assembly = XDocument.Load(project).Descendants("AssemblyName").Single().Value;
        Assert.Contains($"ENTRYPOINT [\"dotnet\", \"{assembly}.dll\"]", dockerfile);
    }

    [Fact]
    public void The_build_context_leaves_out_build_outputs_and_local_state()
    {
        var ignored = File.ReadAllLines(Repo.PathOf(".dockerignore")).Select(l => l.Trim()).ToList();
        foreach (var pattern in new[] { "**/bin/", "**/obj/", ".git/", ".mesh/" })
        {
            Assert.Contains(pattern, ignored);
        }
        Assert.DoesNotContain(ignored, p => p is "shared/" or "services/" or "global.json" or "Directory.Build.props" or "Directory.Packages.props");
    }

    private static IEnumerable<string> ProjectClosure(string project)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var queue = new Queue<string>([Path.GetFullPath(project)]);
        while (queue.TryDequeue(out var next))
        {
            if (!seen.Add(next))
            {
                continue;
            }
            foreach (var reference in XDocument.Load(next).Descendants("ProjectReference"))
            {
                queue.Enqueue(Path.GetFullPath(Path.Combine(Path.GetDirectoryName(next)!, reference.Attribute("Include")!.Value.Replace('\\', '/'))));
            }
        }
        return seen;
    }
}
