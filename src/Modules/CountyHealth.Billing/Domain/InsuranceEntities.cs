using CountyHealth.Kernel.Auditing;

namespace CountyHealth.Billing.Domain;

/// <summary>A basic medical insurance scheme (险种): 城乡居民基本医疗保险 (the former 新农合), 职工基本医疗保险.</summary>
internal sealed class InsuranceScheme
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public string Code { get; set; } = "";
    public string Name { get; set; } = "";
    public bool IsActive { get; set; } = true;
}

internal static class InsuranceSchemes
{
    public const string Residents = "CXJM";
    public const string Employees = "ZGYB";

    /// <summary>城乡居民基本医疗保险 (the former 新农合 and urban residents' scheme, merged by 国发〔2016〕3号) and 职工基本医疗保险.</summary>
    public static IReadOnlyList<(Guid Id, string Code, string Name)> National { get; } =
    [
        (new Guid("0193a000-0000-7000-8000-000000000001"), Residents, "城乡居民基本医疗保险"),
        (new Guid("0193a000-0000-7000-8000-000000000002"), Employees, "职工基本医疗保险"),
    ];
}

/// <summary>
/// A scheme's policy (补偿方案) in force from a day until the next one's. A policy a settlement has used is never
/// changed: a new policy from a later day replaces it, so every settlement can be worked again from what it used.
/// </summary>
internal sealed class InsurancePolicy
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid SchemeId { get; set; }
    public string Name { get; set; } = "";
    public DateOnly EffectiveFrom { get; set; }

    /// <summary>What a person pays into the scheme for a year (个人缴费).</summary>
    public decimal PersonalContribution { get; set; }

    /// <summary>What the government adds per person (财政补助), for the fund raised.</summary>
    public decimal SubsidyPerPerson { get; set; }
    public decimal AnnualCap { get; set; }
    public decimal ClassBSelfPayShare { get; set; }
    public int ElderlyAge { get; set; } = 70;
    public decimal TcmInpatientDeductibleCut { get; set; }
    public string CreatedBy { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public List<InsurancePolicyRate> Rates { get; set; } = [];

    public PolicyTerms Terms() => new(AnnualCap, ClassBSelfPayShare, ElderlyAge, TcmInpatientDeductibleCut,
        Rates.Select(r => new PolicyRate(r.Setting, r.Level, r.Deductible, r.Ratio, r.ElderlyUplift)).ToList());
}

/// <summary>A policy's deductible and ratio at one setting and institution level.</summary>
internal sealed class InsurancePolicyRate
{
    public Guid PolicyId { get; set; }
    public CareSetting Setting { get; set; }
    public CareLevel Level { get; set; }
    public decimal Deductible { get; set; }
    public decimal Ratio { get; set; }
    public decimal ElderlyUplift { get; set; }
}

/// <summary>A resident's enrolment (参保) in a scheme for a calendar year, with the contribution paid.</summary>
internal sealed class InsuranceEnrolment : IPersonalHealthData
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid ResidentId { get; set; }
    public Guid SchemeId { get; set; }
    public int Year { get; set; }

    /// <summary>The resident's home institution (the clinic that keeps the record), by which the enrolment is reached.</summary>
    public Guid InstitutionId { get; set; }
    public decimal Contribution { get; set; }
    public DateTime EnrolledAt { get; set; }
    public string RecordedBy { get; set; } = "";

    Guid? IPersonalHealthData.AuditResidentId => ResidentId;
}

/// <summary>
/// A person's use of the year's policy so far: the outpatient deductible borne and what the fund has paid. Every
/// settlement and reversal changes it under its version token, so two settlements at once never both spend the same
/// remaining deductible or cap: the second is worked again from the first's result.
/// </summary>
internal sealed class InsuranceYearUse : IPersonalHealthData
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid ResidentId { get; set; }
    public int Year { get; set; }
    public decimal OutpatientDeductibleMet { get; set; }
    public decimal FundPaid { get; set; }
    public int Settlements { get; set; }
    public int Version { get; set; }

    public YearToDate SoFar => new(OutpatientDeductibleMet, FundPaid);

    /// <summary>Adds a settlement's deductible (an outpatient one: the inpatient deductible is each stay's) and fund payment.</summary>
    public void Add(CareSetting setting, decimal deductible, decimal fund, int sign = 1)
    {
        if (setting == CareSetting.Outpatient)
        {
            OutpatientDeductibleMet += sign * deductible;
        }
        FundPaid += sign * fund;
        Settlements += sign;
        Version++;
    }

    Guid? IPersonalHealthData.AuditResidentId => ResidentId;
}

internal enum InsuranceSettlementStatus
{
    /// <summary>Worked out; the person's share is still to be paid.</summary>
    Settled = 1,
    Paid = 2,
    Reversed = 3,
}

/// <summary>
/// An insurance settlement (医保结算) of charges of one encounter: the case it was worked from (setting, level, age,
/// TCM institution, the year so far), the policy, every amount, and the steps as the slip prints them.
/// </summary>
internal sealed class InsuranceSettlement : IPersonalHealthData
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public string RequestId { get; set; } = "";
    public string Number { get; set; } = "";
    public Guid VisitId { get; set; }
    public Guid ResidentId { get; set; }
    public Guid InstitutionId { get; set; }
    public Guid SchemeId { get; set; }
    public Guid PolicyId { get; set; }
    public Guid EnrolmentId { get; set; }

    /// <summary>The clinic that keeps the person (her enrolment's), by which the population's figures count her use of the fund.</summary>
    public Guid HomeInstitutionId { get; set; }
    public int Year { get; set; }
    public CareSetting Setting { get; set; }
    public CareLevel Level { get; set; }
    public bool TcmInstitution { get; set; }
    public int Age { get; set; }
    public decimal DeductibleMetBefore { get; set; }
    public decimal FundPaidBefore { get; set; }
    public decimal Total { get; set; }
    public decimal Excluded { get; set; }
    public decimal ClassBSelfPaid { get; set; }
    public decimal Eligible { get; set; }
    public decimal DeductibleApplied { get; set; }
    public decimal Ratio { get; set; }
    public decimal FundPays { get; set; }
    public decimal PersonPays { get; set; }

    /// <summary>The steps as JSON (<see cref="ClaimStep"/>), so the slip prints what was worked then.</summary>
    public string Steps { get; set; } = "[]";
    public InsuranceSettlementStatus Status { get; set; } = InsuranceSettlementStatus.Settled;
    public Guid? PaymentId { get; set; }
    public string SettledBy { get; set; } = "";
    public string SettledByName { get; set; } = "";
    public DateTime SettledAt { get; set; }
    public DateTime? ReversedAt { get; set; }
    public string? ReversedBy { get; set; }
    public string? ReversalReason { get; set; }
    public int Version { get; set; }

    /// <summary>Takes the amounts of a worked settlement and the year's figures it was worked from.</summary>
    public void Take(ClaimOutcome o, YearToDate before)
    {
        (DeductibleMetBefore, FundPaidBefore) = (before.OutpatientDeductibleMet, before.FundPaid);
        (Total, Excluded, ClassBSelfPaid, Eligible) = (o.Total, o.Excluded, o.ClassBSelfPaid, o.Eligible);
        (DeductibleApplied, Ratio, FundPays, PersonPays) = (o.DeductibleApplied, o.Ratio, o.FundPays, o.PersonPays);
    }

    Guid? IPersonalHealthData.AuditResidentId => ResidentId;
}
