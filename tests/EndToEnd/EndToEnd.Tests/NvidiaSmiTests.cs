using Mesh.NodeAgent;

namespace Mesh.EndToEnd.Tests;

/// <summary>AGENT-2 (issue 26.7): the agent reads its GPUs' model and memory from nvidia-smi, as a real host prints them.</summary>
[Trait("rule", "AGENT-2")]
public sealed class NvidiaSmiTests
{
    // nvidia-smi --query-gpu=index,uuid,name,memory.total --format=csv,noheader,nounits on a DGX-1 (driver 535), first two of eight.
    private const string Dgx1 = """
        0, GPU-3b1c5f2e-8a34-7d6e-91f0-2c4b6d8e0a13, Tesla V100-SXM2-16GB, 16384
        1, GPU-9e7d2a41-5c6b-4f80-b3a2-7e1d0c9f4b25, Tesla V100-SXM2-16GB, 16384

        """;

    // The same query on a T4 inference node (driver 470 prints the name without a suffix and memory a little short).
    private const string T4 = "0, GPU-6c7a0e1b-2d3f-4a5b-8c9d-0e1f2a3b4c5d, Tesla T4, 15109\r\n";

    [Fact]
    public void Every_card_comes_with_its_model_and_memory()
    {
        var cards = Discovery.ParseNvidiaSmi(Dgx1);
        Assert.Equal(2, cards.Count);
        Assert.Equal(new GpuCard(1, "GPU-9e7d2a41-5c6b-4f80-b3a2-7e1d0c9f4b25", "nvidia", "Tesla V100-SXM2-16GB", 16384), cards[1]);
        Assert.Equal(15109, Assert.Single(Discovery.ParseNvidiaSmi(T4)).MemoryMiB);
        Assert.Empty(Discovery.ParseNvidiaSmi(""));
    }

    [Theory]
    [InlineData("0, GPU-1, Tesla T4, [N/A]")]
    [InlineData("0, GPU-1, Tesla T4, 0")]
    [InlineData("No devices were found")]
    public void A_line_it_cannot_read_is_an_error_never_a_card_without_memory(string line) =>
        Assert.Throws<FormatException>(() => Discovery.ParseNvidiaSmi(line));

    [Fact]
    public void The_query_is_the_one_parsed() =>
        Assert.Equal("--query-gpu=index,uuid,name,memory.total --format=csv,noheader,nounits", Discovery.NvidiaSmiQuery);
}
