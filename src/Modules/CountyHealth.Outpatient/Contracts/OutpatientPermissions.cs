using CountyHealth.Kernel.Security;

namespace CountyHealth.Outpatient.Contracts;

/// <summary>The outpatient clinic's permissions (their reach per role is in the permission matrix).</summary>
public static class OutpatientPermissions
{
    public const string Register = "visit.register";
    public const string Queue = "visit.queue";
    /// <summary>The whole chart: complaint, history, examination, diagnoses, prescriptions, orders.</summary>
    public const string ReadChart = "visit.chart.read";
    public const string Treat = "visit.treat";
    /// <summary>Write a prescription; change or cancel only one's own.</summary>
    public const string Prescribe = "prescription.write";
    /// <summary>Print a prescription as its 处方笺 (the prescriber's and the dispensing pharmacy's institution).</summary>
    public const string PrintSlip = "prescription.slip";

    public static IReadOnlyList<Permission> All { get; } =
    [
        new(Register, "挂号", "门诊"),
        new(Queue, "查看就诊队列", "门诊"),
        new(ReadChart, "查阅门诊病历（主诉、病史、诊断、处方）及打印", "门诊", BreakGlass: true),
        new(Treat, "接诊：书写病历、诊断、开检查检验、完成接诊", "门诊"),
        new(Prescribe, "开具处方；只能修改、作废本人开具的处方", "门诊"),
        new(PrintSlip, "查看、打印处方笺（含审核、调配、核对、发药记录）", "门诊"),
    ];
}
