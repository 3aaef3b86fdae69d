using Xunit;

namespace CountyHealth.Tests.Integration;

/// <summary>Cashiers registering at the same moment get distinct queue numbers and no failures.</summary>
public abstract class RegistrationConcurrencyTests(CountyHealthFactory host)
{
    [Fact]
    public async Task Concurrent_registrations_to_one_department_get_distinct_queue_numbers()
    {
        var clinic = new Clinic(host);
        var residents = new List<Guid>();
        for (var i = 0; i < 8; i++)
        {
            residents.Add((await clinic.RegisterResidentAsync()).Id);
        }

        var visits = await Task.WhenAll(residents.Select(clinic.RegisterVisitAsync));

        Assert.Equal(visits.Length, visits.Select(v => v.QueueNumber).Distinct().Count());
        Assert.All(visits, v => Assert.True(v.QueueNumber > 0));
        Assert.Equal(visits.Length, visits.Select(v => v.VisitNumber).Distinct().Count());
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteRegistrationConcurrencyTests(SqliteHost host) : RegistrationConcurrencyTests(host);

[Collection(PostgresCollection.Name)]
public sealed class PostgresRegistrationConcurrencyTests(PostgresHost host) : RegistrationConcurrencyTests(host);
