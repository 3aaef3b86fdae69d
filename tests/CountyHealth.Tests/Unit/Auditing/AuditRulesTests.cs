using CountyHealth.Kernel.Auditing;
using Xunit;

namespace CountyHealth.Tests.Unit.Auditing;

/// <summary>How repeated reads and searches collapse within a request, and how a write's changes read in Chinese.</summary>
public sealed class AuditRulesTests
{
    private static readonly Guid Visit = Guid.CreateVersion7();
    private static readonly Guid Resident = Guid.CreateVersion7();

    [Fact]
    public void A_record_read_twice_in_one_request_is_stored_once_and_both_callers_wait_for_that_row()
    {
        var request = new RequestAccesses();
        var stored = new List<AuditEntry>();
        var first = request.Record(Row(AuditActions.Read, Visit), Store(stored));
        var second = request.Record(Row(AuditActions.Read, Visit, "再次打开"), Store(stored));

        Assert.Single(stored);
        Assert.Same(first, second);
    }

    [Fact]
    public void Another_record_action_or_resident_is_another_row()
    {
        var request = new RequestAccesses();
        var stored = new List<AuditEntry>();
        request.Record(Row(AuditActions.Read, Visit), Store(stored));
        request.Record(Row(AuditActions.Read, Guid.CreateVersion7()), Store(stored)); // another visit
        request.Record(Row(AuditActions.Denied, Visit), Store(stored)); // the same visit, refused
        request.Record(Row(AuditActions.Read, Visit, type: "Prescription"), Store(stored)); // another type, same key
        request.Record(Row(AuditActions.Read, Visit, resident: Guid.CreateVersion7()), Store(stored));

        Assert.Equal(5, stored.Count);
    }

    [Fact]
    public void Each_request_records_its_own_read()
    {
        var stored = new List<AuditEntry>();
        new RequestAccesses().Record(Row(AuditActions.Read, Visit), Store(stored));
        new RequestAccesses().Record(Row(AuditActions.Read, Visit), Store(stored));
        Assert.Equal(2, stored.Count);
    }

    [Fact]
    public void A_search_shown_again_unchanged_is_one_row_and_another_query_or_count_is_another()
    {
        var request = new RequestAccesses();
        var stored = new List<AuditEntry>();
        request.Record(Search("就诊队列 2026-12-01: 5 人"), Store(stored));
        request.Record(Search("就诊队列 2026-12-01: 5 人"), Store(stored));
        Assert.Single(stored);
        request.Record(Search("就诊队列 2026-12-01: 6 人"), Store(stored));
        request.Record(Search("q=张; 3 条"), Store(stored));
        Assert.Equal(3, stored.Count);
    }

    [Theory]
    [InlineData(AuditActions.Read, true)]
    [InlineData(AuditActions.Denied, true)]
    [InlineData(AuditActions.BreakGlass, true)]
    [InlineData(AuditActions.Search, true)]
    [InlineData(AuditActions.Print, false)] // each print is a paper in someone's hand
    [InlineData(AuditActions.Update, false)]
    [InlineData(AuditActions.Link, false)]
    [InlineData(AuditActions.SignIn, false)]
    [InlineData(AuditActions.SignInFailed, false)]
    public void Only_reads_their_checks_and_searches_collapse(string action, bool collapses) => Assert.Equal(collapses, RequestAccesses.Collapses(action));

    private static AuditEntry Search(string detail) => new() { Action = AuditActions.Search, EntityType = "Visit", Detail = detail };

    private static readonly AuditVocabulary Words = new(
    [
        new AuditedType("Visit", "就诊", new Dictionary<string, string> { ["ChiefComplaint"] = "主诉", ["PresentIllness"] = "现病史", ["UpdatedAt"] = "" }),
        new AuditedType("VisitDiagnosis", "诊断", new Dictionary<string, string>()),
        new AuditedType("Resident", "居民", new Dictionary<string, string> { ["Phone"] = "电话", ["PhoneReversed"] = "电话" }),
    ]);

    [Fact]
    public void A_diagnosis_change_reads_with_its_codes()
    {
        var detail = string.Join(ChangedParts.Separator, "ChiefComplaint", ChangedParts.Token("VisitDiagnosis", ChangedParts.Added, "I10 原发性高血压（主要诊断）"),
            ChangedParts.Token("VisitDiagnosis", ChangedParts.Added, "E11.9 2型糖尿病"), ChangedParts.Token("VisitDiagnosis", ChangedParts.Removed, "J06.9 急性上呼吸道感染"));

        Assert.Equal("修改：主诉；新增诊断：I10 原发性高血压（主要诊断）、E11.9 2型糖尿病；删除诊断：J06.9 急性上呼吸道感染", Words.Describe(AuditActions.Update, "Visit", detail));
    }

    [Fact]
    public void Fields_read_in_Chinese_once_each_and_bookkeeping_is_not_mentioned()
    {
        Assert.Equal("修改：电话", Words.Describe(AuditActions.Update, "Resident", "Phone,PhoneReversed"));
        Assert.Equal("修改：主诉、现病史", Words.Describe(AuditActions.Update, "Visit", "ChiefComplaint,PresentIllness,UpdatedAt"));
        Assert.Null(Words.Describe(AuditActions.Update, "Visit", "UpdatedAt"));
    }

    [Fact]
    public void A_field_without_a_name_shows_as_stored_and_other_actions_keep_their_detail()
    {
        Assert.Equal("修改：Allergies", Words.Describe(AuditActions.Update, "Visit", "Allergies"));
        Assert.Equal("q=3201**********1234; 1 条", Words.Describe(AuditActions.Search, "Resident", "q=3201**********1234; 1 条"));
        Assert.Equal("就诊", Words.EntityName("Visit"));
        Assert.Equal("Ward", Words.EntityName("Ward"));
    }

    [Fact]
    public void A_part_label_keeps_its_commas_out_of_the_list()
    {
        var token = ChangedParts.Token("VisitDiagnosis", ChangedParts.Added, "X99 甲,乙");
        Assert.DoesNotContain(ChangedParts.Separator, token);
        Assert.True(ChangedParts.TryRead(token, out var type, out var change, out var label));
        Assert.Equal(("VisitDiagnosis", ChangedParts.Added, "X99 甲，乙"), (type, change, label));
        Assert.False(ChangedParts.TryRead("ChiefComplaint", out _, out _, out _));
    }

    private static AuditEntry Row(string action, Guid id, string? detail = null, string type = "Visit", Guid? resident = null) =>
        new() { Action = action, EntityType = type, EntityId = id.ToString(), ResidentId = resident ?? Resident, Detail = detail };

    private static Func<AuditEntry, Task> Store(List<AuditEntry> stored) => e =>
    {
        stored.Add(e);
        return Task.CompletedTask;
    };
}
