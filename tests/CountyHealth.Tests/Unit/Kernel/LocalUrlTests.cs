using CountyHealth.Kernel.Web;
using Xunit;

namespace CountyHealth.Tests.Unit.Kernel;

public sealed class LocalUrlTests
{
    [Theory]
    [InlineData("/")]
    [InlineData("/outpatient/queue")]
    [InlineData("/residents?q=%E5%BC%A0")]
    public void Paths_of_this_site_are_local(string url) => Assert.True(LocalUrl.IsLocal(url));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("//evil.example")]
    [InlineData("/\\evil.example")]
    [InlineData("https://evil.example/")]
    [InlineData("evil.example")]
    [InlineData("/a\\b")]
    [InlineData("/a\nb")]
    public void Other_sites_and_tricks_are_not(string? url)
    {
        Assert.False(LocalUrl.IsLocal(url));
        Assert.Equal("/", LocalUrl.OrHome(url));
    }
}
