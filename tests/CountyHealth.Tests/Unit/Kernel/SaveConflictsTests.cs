using CountyHealth.Kernel.Data;
using CountyHealth.Kernel.Ui;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Xunit;

namespace CountyHealth.Tests.Unit.Kernel;

/// <summary>
/// A save that lost a race no use case answers: a unique key taken at the same instant or a stale version is a conflict
/// with a message (409 on the API, a message on the screen); any other failure stays an error.
/// </summary>
public sealed class SaveConflictsTests
{
    [Fact]
    public void A_unique_key_taken_on_sqlite_is_a_conflict_and_a_missing_value_is_not()
    {
        using var conn = new SqliteConnection("Data Source=:memory:");
        conn.Open();
        Execute(conn, "CREATE TABLE cards (number TEXT NOT NULL UNIQUE)");
        Execute(conn, "INSERT INTO cards VALUES ('BK-0001')");

        var duplicate = Assert.Throws<SqliteException>(() => Execute(conn, "INSERT INTO cards VALUES ('BK-0001')"));
        var missing = Assert.Throws<SqliteException>(() => Execute(conn, "INSERT INTO cards VALUES (NULL)"));

        Assert.Equal(19, duplicate.SqliteErrorCode);
        Assert.Equal(19, missing.SqliteErrorCode);
        Assert.Equal(SaveConflicts.Duplicate, SaveConflicts.MessageFor(new DbUpdateException("save", duplicate)));
        Assert.Null(SaveConflicts.MessageFor(new DbUpdateException("save", missing)));
    }

    [Theory]
    [InlineData("23505", true)]
    [InlineData("23503", false)]
    [InlineData("23502", false)]
    [InlineData("40001", false)]
    public void On_postgres_only_a_unique_violation_is_a_conflict(string sqlState, bool conflict)
    {
        var inner = new PostgresException("violation", "ERROR", "ERROR", sqlState);

        Assert.Equal(conflict ? SaveConflicts.Duplicate : null, SaveConflicts.MessageFor(new DbUpdateException("save", inner)));
    }

    [Fact]
    public void A_stale_version_is_a_change_by_someone_else_and_other_failures_are_not_conflicts()
    {
        Assert.Equal(SaveConflicts.Changed, SaveConflicts.MessageFor(new DbUpdateConcurrencyException("stale")));
        Assert.Null(SaveConflicts.MessageFor(new DbUpdateException("save")));
        Assert.Null(SaveConflicts.MessageFor(new InvalidOperationException("other")));
    }

    [Fact]
    public void A_write_result_carries_the_conflict_to_the_screen_as_its_message()
    {
        Assert.True(UiResults.TryConflict<Results<Ok<int>, ValidationProblem, ProblemHttpResult>>(SaveConflicts.Duplicate, out var answer));

        var problem = Assert.IsType<ProblemHttpResult>(answer.Result);
        Assert.Equal(409, problem.StatusCode);
        var outcome = UiResults.Unpack<int>(answer);
        Assert.False(outcome.Ok);
        Assert.Equal(SaveConflicts.Duplicate, outcome.Message);
    }

    [Fact]
    public void A_result_that_cannot_carry_a_problem_is_left_to_fail()
    {
        Assert.False(UiResults.TryConflict<List<int>>(SaveConflicts.Duplicate, out _));
        Assert.False(UiResults.TryConflict<bool>(SaveConflicts.Duplicate, out _));
        Assert.False(UiResults.TryConflict<Results<Ok<int>, NotFound>>(SaveConflicts.Duplicate, out _));
        Assert.True(UiResults.TryConflict<ProblemHttpResult>(SaveConflicts.Changed, out var problem));
        Assert.Equal(SaveConflicts.Changed, problem.ProblemDetails.Title);
    }

    private static void Execute(SqliteConnection conn, string sql)
    {
        using var cmd = conn.CreateCommand();
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }
}
