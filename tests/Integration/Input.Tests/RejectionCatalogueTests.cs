using System.Reflection;

namespace Mesh.Input.Tests;

/// <summary>
/// Every refusal DOMAIN.md defines, end to end (COMMON-3): the bad request goes to the real service, which answers
/// a 4xx with the rule's code and field, records nothing in any service's event log, and stays ready.
/// </summary>
[Collection(InputCollection.Name)]
[Trait("rule", "COMMON-3")]
public sealed class RejectionCatalogueTests(CatalogueWorld world)
{
    public static TheoryData<string> Rows => new(RejectionCatalogue.Rows.Select(r => r.Key));

    [Theory]
    [MemberData(nameof(Rows))]
    public async Task Is_refused_with_its_code_and_field_and_changes_nothing(string row)
    {
        var rejection = RejectionCatalogue.Find(row);
        var before = await world.Mesh.HeadsAsync();

        var refusal = await rejection.Send(world.Mesh);

        Assert.True(refusal.Status is >= 400 and < 500, $"expected a 4xx {rejection.Code}, got {refusal.Status}: {refusal.Text}");
        Assert.True(rejection.Code == refusal.Code, $"expected code {rejection.Code}, got {refusal.Code}: {refusal.Text}");
        if (rejection.Field is not null)
        {
            Assert.True(rejection.Field == refusal.Field, $"expected field {rejection.Field}, got {refusal.Field}: {refusal.Text}");
        }
        Assert.Equal(before, await world.Mesh.HeadsAsync());
        Assert.True(await world.Mesh.ReadyAsync(refusal.Service), $"{refusal.Service} is no longer ready");
    }

    [Fact]
    public void Every_declared_error_code_has_a_row_or_a_reasoned_exclusion()
    {
        var declared = RejectionCatalogue.CodeTables
            .SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.Static)
                .Where(f => f.IsLiteral && f.FieldType == typeof(string) && (t.Name.EndsWith("Codes", StringComparison.Ordinal) || f.Name.EndsWith("Code", StringComparison.Ordinal)))
                .Select(f => (Code: (string)f.GetRawConstantValue()!, Where: $"{t.Name}.{f.Name}")))
            .ToList();
        Assert.Contains(declared, d => d.Where == "ErrorCodes.VersionConflict");
        var rowed = RejectionCatalogue.Rows.Select(r => r.Code).ToHashSet();

        var missing = declared.Where(d => !rowed.Contains(d.Code) && !RejectionCatalogue.Excluded.ContainsKey(d.Code)).ToList();
        Assert.True(missing.Count == 0, "codes with neither a catalogue row nor a reasoned exclusion: "
            + string.Join(", ", missing.Select(m => $"{m.Where} ({m.Code})")));

        var stale = RejectionCatalogue.Excluded.Keys.Where(rowed.Contains).ToList();
        Assert.True(stale.Count == 0, "excluded codes that now have a row (drop the exclusion): " + string.Join(", ", stale));
        Assert.All(RejectionCatalogue.Excluded, e => Assert.False(string.IsNullOrWhiteSpace(e.Value), $"{e.Key} needs a reason"));
        Assert.Equal(RejectionCatalogue.Rows.Count, RejectionCatalogue.Rows.Select(r => r.Key).Distinct().Count());
    }
}
