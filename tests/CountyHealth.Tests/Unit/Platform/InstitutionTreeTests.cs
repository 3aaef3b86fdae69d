using CountyHealth.Platform.Contracts;
using CountyHealth.Platform.Institutions;
using Xunit;

namespace CountyHealth.Tests.Unit.Platform;

public sealed class InstitutionTreeTests
{
    private static InstitutionRow Row(string code, Guid id, Guid? parent) => new(id, code, code, InstitutionKind.TownshipHealthCentre, "", parent, null, true);

    [Fact]
    public void Each_institution_follows_its_parent_one_level_deeper_siblings_by_code()
    {
        Guid bureau = Guid.NewGuid(), centre = Guid.NewGuid(), village = Guid.NewGuid(), hospital = Guid.NewGuid();
        var rows = new[] { Row("3", village, centre), Row("2", hospital, bureau), Row("1", centre, bureau), Row("0", bureau, null) };

        var tree = InstitutionTree.Flatten(rows);

        Assert.Equal([("0", 0), ("1", 1), ("3", 2), ("2", 1)], tree.Select(t => (t.Row.Code, t.Depth)));
    }

    [Fact]
    public void An_orphan_or_a_loop_is_shown_at_the_top_rather_than_lost()
    {
        Guid a = Guid.NewGuid(), b = Guid.NewGuid(), orphan = Guid.NewGuid();
        var rows = new[] { Row("A", a, b), Row("B", b, a), Row("O", orphan, Guid.NewGuid()) };

        var tree = InstitutionTree.Flatten(rows);

        Assert.Equal(3, tree.Count);
        Assert.Equal(3, tree.Select(t => t.Row.Id).Distinct().Count());
        Assert.Contains(tree, t => t.Row.Code == "O" && t.Depth == 0);
    }
}
