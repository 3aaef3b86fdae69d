namespace CountyHealth.Outpatient.Contracts;

/// <summary>The names under which the outpatient clinic raises charges and sends drugs to the pharmacy.</summary>
public static class OutpatientKinds
{
    /// <summary>The registration fee of a visit (挂号费).</summary>
    public const string Registration = "outpatient.registration";

    /// <summary>An item of a prescription; also the kind of the prescription sent to the pharmacy.</summary>
    public const string Prescription = "outpatient.prescription";

    /// <summary>An examination, lab test or treatment ordered at a visit.</summary>
    public const string Order = "outpatient.order";
}
