using CountyHealth.Kernel.Time;
using Microsoft.Extensions.Time.Testing;

namespace CountyHealth.Tests.Support;

/// <summary>
/// The clock of the in-process hosts: ten in the morning, China time, of the day the run started, a millisecond later
/// at every reading. Tests that compare a day's figures before and after (the cashier's settlement) never see China
/// midnight pass, whenever they run.
/// </summary>
public static class TestClock
{
    public static DateTimeOffset Start { get; } =
        new(ChinaTime.Today(TimeProvider.System).ToDateTime(new TimeOnly(10, 0)), ChinaTime.Offset);

    /// <summary>The China calendar day the in-process hosts live in.</summary>
    public static DateOnly Today { get; } = DateOnly.FromDateTime(Start.DateTime);

    public static FakeTimeProvider Create() => new(Start) { AutoAdvanceAmount = TimeSpan.FromMilliseconds(1) };
}
