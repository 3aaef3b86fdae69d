using CountyHealth.Kernel.Security;
using CountyHealth.Platform.Contracts;
using CountyHealth.Platform.Domain;
using Xunit;

namespace CountyHealth.Tests.Unit.Security;

public sealed class PermissionMatrixTests
{
    private static readonly Permission Read = new("resident.read", "读取居民", "居民");
    private static readonly Permission Edit = new("resident.edit", "修改居民", "居民");
    private static readonly string[] Roles = ["doctor", "cashier"];

    private const string Matrix = "# comment\npermission\tdoctor\tcashier\nresident.read\tbelow\town\nresident.edit\t-\tcounty\n";

    [Fact]
    public void Cells_read_as_reaches_and_several_roles_take_the_widest()
    {
        var m = PermissionMatrix.Parse(Matrix, [Read, Edit], Roles);
        Assert.Equal(Reach.Below, m.ReachOf("doctor", "resident.read"));
        Assert.Equal(Reach.None, m.ReachOf("doctor", "resident.edit"));
        Assert.Equal(Reach.County, m.ReachOf(["doctor", "cashier"], "resident.edit"));
        Assert.Equal(Reach.None, m.ReachOf("nobody", "resident.read"));
    }

    [Theory]
    [InlineData("permission\tdoctor\tcashier\nresident.read\tbelow\town\n", "permission resident.edit has no row")]
    [InlineData("permission\tdoctor\tcashier\nresident.read\tbelow\town\nresident.edit\t-\tcounty\nresident.delete\t-\t-\n", "row resident.delete names no declared permission")]
    [InlineData("permission\tdoctor\nresident.read\tbelow\nresident.edit\t-\n", "role cashier has no column")]
    [InlineData("permission\tdoctor\tcashier\tjanitor\nresident.read\tbelow\town\t-\nresident.edit\t-\tcounty\t-\n", "column janitor is not a role")]
    [InlineData("permission\tdoctor\tcashier\nresident.read\tbelow\tall\nresident.edit\t-\tcounty\n", "'all' is not one of")]
    [InlineData("permission\tdoctor\tcashier\nresident.read\tbelow\nresident.edit\t-\tcounty\n", "row resident.read has 1 cells for 2 roles")]
    public void A_matrix_that_does_not_fit_the_code_stops_the_server(string text, string problem)
    {
        var ex = Assert.Throws<InvalidOperationException>(() => PermissionMatrix.Parse(text, [Read, Edit], Roles));
        Assert.Contains(problem, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_shipped_matrix_fits_every_declared_permission_and_role()
    {
        var declared = CountyHealth.Server.Hosting.ModuleCatalogue.All.SelectMany(m => m.Permissions).ToList();
        using var stream = typeof(PermissionMatrix).Assembly.GetManifestResourceStream("CountyHealth.Platform.permission-matrix.tsv")!;
        var matrix = PermissionMatrix.Parse(new StreamReader(stream).ReadToEnd(), declared, CountyHealth.Platform.Contracts.Roles.ChineseNames.Keys);
        Assert.Equal(declared.Count, matrix.Permissions.Count);
        Assert.Equal(CountyHealth.Platform.Contracts.Roles.ChineseNames.Keys.Order(), matrix.Roles.Order());
        // An administrator manages accounts, not patients; the bureau steers by aggregates.
        foreach (var clinical in new[] { "resident.read", "visit.chart.read", "household.read" })
        {
            Assert.Equal(Reach.None, matrix.ReachOf(CountyHealth.Platform.Contracts.Roles.Admin, clinical));
            Assert.Equal(Reach.None, matrix.ReachOf(CountyHealth.Platform.Contracts.Roles.Bureau, clinical));
        }
    }
}
