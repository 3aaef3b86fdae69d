using CountyHealth.Kernel.Auditing;
using CountyHealth.Kernel.Data;
using CountyHealth.Kernel.Reference;
using CountyHealth.PublicHealth.Domain;
using Microsoft.EntityFrameworkCore;

namespace CountyHealth.PublicHealth.Data;

/// <summary>Basic public health in the audit log: an enrolment by its programme, a follow-up by its date, a dose by its vaccine, a certificate check by its school.</summary>
internal sealed class PublicHealthAuditedRecords(CountyHealthDb db, ReferenceTable<ChildCheckSchedule> childSchedule) : AuditedRecords
{
    public override IReadOnlyList<AuditedType> Types { get; } =
    [
        AuditedType.Of<ChronicEnrolment>("慢病管理",
            (nameof(ChronicEnrolment.ResidentId), "居民"),
            (nameof(ChronicEnrolment.InstitutionId), "管理机构"),
            (nameof(ChronicEnrolment.Programme), "管理项目"),
            (nameof(ChronicEnrolment.EnrolledOn), "纳入管理日期"),
            (nameof(ChronicEnrolment.DiagnosisCode), "诊断编码"),
            (nameof(ChronicEnrolment.SourceVisitId), "就诊"),
            (nameof(ChronicEnrolment.EnrolledBy), "纳入人"),
            (nameof(ChronicEnrolment.Status), "管理状态"),
            (nameof(ChronicEnrolment.EndedOn), "结案日期"),
            (nameof(ChronicEnrolment.EndReason), "结案原因"),
            (nameof(ChronicEnrolment.NextDueOn), "下次随访日期"),
            (nameof(ChronicEnrolment.LastClass), "最近随访分类"),
            (nameof(ChronicEnrolment.LastFollowUpOn), "最近随访日期"),
            (nameof(ChronicEnrolment.CreatedAt), "创建时间"),
            (nameof(ChronicEnrolment.Version), "")),
        AuditedType.Of<ChronicFollowUp>("慢病随访",
            (nameof(ChronicFollowUp.EnrolmentId), "慢病管理"),
            (nameof(ChronicFollowUp.ResidentId), "居民"),
            (nameof(ChronicFollowUp.InstitutionId), "机构"),
            (nameof(ChronicFollowUp.Programme), "管理项目"),
            (nameof(ChronicFollowUp.Date), "随访日期"),
            (nameof(ChronicFollowUp.Mode), "随访方式"),
            (nameof(ChronicFollowUp.Symptoms), "症状"),
            (nameof(ChronicFollowUp.OtherSymptoms), "其他症状"),
            (nameof(ChronicFollowUp.SystolicBp), "收缩压"),
            (nameof(ChronicFollowUp.DiastolicBp), "舒张压"),
            (nameof(ChronicFollowUp.HeartRate), "心率"),
            (nameof(ChronicFollowUp.WeightKg), "体重"),
            (nameof(ChronicFollowUp.TargetWeightKg), "目标体重"),
            (nameof(ChronicFollowUp.FastingGlucose), "空腹血糖"),
            (nameof(ChronicFollowUp.CigarettesPerDay), "日吸烟量"),
            (nameof(ChronicFollowUp.SpiritsLiangPerDay), "日饮酒量"),
            (nameof(ChronicFollowUp.ExerciseTimesPerWeek), "运动次数"),
            (nameof(ChronicFollowUp.ExerciseMinutes), "每次运动时间"),
            (nameof(ChronicFollowUp.Adherence), "服药依从性"),
            (nameof(ChronicFollowUp.AdverseReaction), "药物不良反应"),
            (nameof(ChronicFollowUp.Complication), "并发症"),
            (nameof(ChronicFollowUp.Class), "随访分类"),
            (nameof(ChronicFollowUp.AtTarget), "血压/血糖达标"),
            (nameof(ChronicFollowUp.Referral), "转诊"),
            (nameof(ChronicFollowUp.ReferralReason), "转诊原因"),
            (nameof(ChronicFollowUp.NextDueOn), "下次随访日期"),
            (nameof(ChronicFollowUp.Advice), "处理意见"),
            (nameof(ChronicFollowUp.SourceVisitId), "就诊"),
            (nameof(ChronicFollowUp.DoctorName), "随访医生"),
            (nameof(ChronicFollowUp.RecordedAt), "记录时间")),
        AuditedType.Of<Vaccination>("预防接种",
            (nameof(Vaccination.ResidentId), "儿童"),
            (nameof(Vaccination.InstitutionId), "管理机构"),
            (nameof(Vaccination.GivenAtInstitutionId), "接种单位"),
            (nameof(Vaccination.Series), "疫苗类别"),
            (nameof(Vaccination.Dose), "剂次"),
            (nameof(Vaccination.Vaccine), "疫苗"),
            (nameof(Vaccination.VaccineName), "疫苗名称"),
            (nameof(Vaccination.Batch), "批号"),
            (nameof(Vaccination.Manufacturer), "生产企业"),
            (nameof(Vaccination.Site), "接种部位"),
            (nameof(Vaccination.GivenOn), "接种日期"),
            (nameof(Vaccination.DueOn), "应种日期"),
            (nameof(Vaccination.Source), "来源"),
            (nameof(Vaccination.Warnings), "程序提示"),
            (nameof(Vaccination.ConfirmReason), "确认接种原因"),
            (nameof(Vaccination.NurseName), "接种人"),
            (nameof(Vaccination.RecordedAt), "记录时间")),
        AuditedType.Of<VoidedVaccination>("作废的接种记录",
            (nameof(VoidedVaccination.VaccinationId), "原接种记录"),
            (nameof(VoidedVaccination.ResidentId), "儿童"),
            (nameof(VoidedVaccination.InstitutionId), "管理机构"),
            (nameof(VoidedVaccination.GivenAtInstitutionId), "接种单位"),
            (nameof(VoidedVaccination.Series), "疫苗类别"),
            (nameof(VoidedVaccination.Dose), "剂次"),
            (nameof(VoidedVaccination.VaccineName), "疫苗名称"),
            (nameof(VoidedVaccination.Batch), "批号"),
            (nameof(VoidedVaccination.Site), "接种部位"),
            (nameof(VoidedVaccination.GivenOn), "接种日期"),
            (nameof(VoidedVaccination.Source), "来源"),
            (nameof(VoidedVaccination.NurseName), "接种人"),
            (nameof(VoidedVaccination.RecordedAt), "记录时间"),
            (nameof(VoidedVaccination.Reason), "作废原因"),
            (nameof(VoidedVaccination.VoidedBy), "作废人"),
            (nameof(VoidedVaccination.VoidedAt), "作废时间")),
        AuditedType.Of<ElderlyCheck>("老年人健康管理",
            (nameof(ElderlyCheck.ResidentId), "居民"),
            (nameof(ElderlyCheck.InstitutionId), "管理机构"),
            (nameof(ElderlyCheck.Date), "体检日期"),
            (nameof(ElderlyCheck.Eating), "进餐"),
            (nameof(ElderlyCheck.Grooming), "梳洗"),
            (nameof(ElderlyCheck.Dressing), "穿衣"),
            (nameof(ElderlyCheck.Toileting), "如厕"),
            (nameof(ElderlyCheck.Mobility), "活动"),
            (nameof(ElderlyCheck.SelfCareScore), "自理能力评分"),
            (nameof(ElderlyCheck.SelfCareGrade), "自理能力"),
            (nameof(ElderlyCheck.SystolicBp), "收缩压"),
            (nameof(ElderlyCheck.DiastolicBp), "舒张压"),
            (nameof(ElderlyCheck.HeightCm), "身高"),
            (nameof(ElderlyCheck.WeightKg), "体重"),
            (nameof(ElderlyCheck.WaistCm), "腰围"),
            (nameof(ElderlyCheck.FastingGlucose), "空腹血糖"),
            (nameof(ElderlyCheck.Cognition), "认知功能"),
            (nameof(ElderlyCheck.MmseScore), "简易智力状态检查总分"),
            (nameof(ElderlyCheck.Mood), "情感状态"),
            (nameof(ElderlyCheck.GdsScore), "老年抑郁量表总分"),
            (nameof(ElderlyCheck.TestsDone), "辅助检查"),
            (nameof(ElderlyCheck.Guidance), "健康指导"),
            (nameof(ElderlyCheck.Complete), "完整"),
            (nameof(ElderlyCheck.DoctorName), "体检医生"),
            (nameof(ElderlyCheck.RecordedAt), "记录时间")),
        AuditedType.Of<MentalPatient>("严重精神障碍患者管理",
            (nameof(MentalPatient.ResidentId), "居民"),
            (nameof(MentalPatient.InstitutionId), "管理机构"),
            (nameof(MentalPatient.Disorder), "诊断"),
            (nameof(MentalPatient.DiagnosedAt), "确诊医院"),
            (nameof(MentalPatient.DiagnosedOn), "确诊日期"),
            (nameof(MentalPatient.GuardianName), "监护人"),
            (nameof(MentalPatient.GuardianPhone), "监护人电话"),
            (nameof(MentalPatient.Consent), "知情同意"),
            (nameof(MentalPatient.RegisteredOn), "登记日期"),
            (nameof(MentalPatient.RegisteredBy), "登记人"),
            (nameof(MentalPatient.Status), "管理状态"),
            (nameof(MentalPatient.EndedOn), "结案日期"),
            (nameof(MentalPatient.EndReason), "结案原因"),
            (nameof(MentalPatient.LastRisk), "最近危险性评估"),
            (nameof(MentalPatient.LastClass), "最近随访分类"),
            (nameof(MentalPatient.LastFollowUpOn), "最近随访日期"),
            (nameof(MentalPatient.NextDueOn), "下次随访日期"),
            (nameof(MentalPatient.Version), "")),
        AuditedType.Of<MentalFollowUp>("严重精神障碍患者随访",
            (nameof(MentalFollowUp.PatientId), "患者管理"),
            (nameof(MentalFollowUp.ResidentId), "居民"),
            (nameof(MentalFollowUp.InstitutionId), "管理机构"),
            (nameof(MentalFollowUp.Date), "随访日期"),
            (nameof(MentalFollowUp.Mode), "随访方式"),
            (nameof(MentalFollowUp.RiskGrade), "危险性评估"),
            (nameof(MentalFollowUp.MarkedSymptoms), "明显精神病性症状"),
            (nameof(MentalFollowUp.Insight), "自知力"),
            (nameof(MentalFollowUp.PoorSocialFunction), "社会功能较差"),
            (nameof(MentalFollowUp.AcuteReaction), "急性药物不良反应"),
            (nameof(MentalFollowUp.SeriousPhysicalIllness), "严重躯体疾病"),
            (nameof(MentalFollowUp.Adherence), "服药依从性"),
            (nameof(MentalFollowUp.Class), "随访分类"),
            (nameof(MentalFollowUp.Referral), "转诊"),
            (nameof(MentalFollowUp.NextDueOn), "下次随访日期"),
            (nameof(MentalFollowUp.Advice), "处理意见"),
            (nameof(MentalFollowUp.DoctorName), "随访医生"),
            (nameof(MentalFollowUp.RecordedAt), "记录时间")),
        AuditedType.Of<Pregnancy>("孕产妇健康管理",
            (nameof(Pregnancy.ResidentId), "孕产妇"),
            (nameof(Pregnancy.InstitutionId), "管理机构"),
            (nameof(Pregnancy.LastPeriod), "末次月经"),
            (nameof(Pregnancy.DueDate), "预产期"),
            (nameof(Pregnancy.RegisteredOn), "建册日期"),
            (nameof(Pregnancy.GestationDaysAtRegistration), "建册孕周（天）"),
            (nameof(Pregnancy.Gravidity), "孕次"),
            (nameof(Pregnancy.VaginalBirths), "阴道分娩次数"),
            (nameof(Pregnancy.Caesareans), "剖宫产次数"),
            (nameof(Pregnancy.HusbandName), "丈夫姓名"),
            (nameof(Pregnancy.HusbandPhone), "丈夫电话"),
            (nameof(Pregnancy.HbsAgPositive), "乙肝表面抗原阳性"),
            (nameof(Pregnancy.SyphilisPositive), "梅毒血清学阳性"),
            (nameof(Pregnancy.HivPositive), "HIV抗体阳性"),
            (nameof(Pregnancy.HighRisk), "高危"),
            (nameof(Pregnancy.RegisteredBy), "建册人"),
            (nameof(Pregnancy.Status), "管理状态"),
            (nameof(Pregnancy.DeliveredOn), "分娩日期"),
            (nameof(Pregnancy.DischargedOn), "出院日期"),
            (nameof(Pregnancy.DeliveredAt), "助产机构"),
            (nameof(Pregnancy.DeliveryMode), "分娩方式"),
            (nameof(Pregnancy.LiveBirths), "活产数"),
            (nameof(Pregnancy.EndedOn), "结案日期"),
            (nameof(Pregnancy.EndReason), "终止原因"),
            (nameof(Pregnancy.Contacts), "服务次数"),
            (nameof(Pregnancy.NextDueOn), "下次服务起始日期"),
            (nameof(Pregnancy.NextDueBy), "下次服务截止日期"),
            (nameof(Pregnancy.NextContact), "下次服务"),
            (nameof(Pregnancy.Version), "")),
        AuditedType.Of<MaternalVisit>("孕产妇随访",
            (nameof(MaternalVisit.PregnancyId), "孕产妇管理"),
            (nameof(MaternalVisit.ResidentId), "孕产妇"),
            (nameof(MaternalVisit.InstitutionId), "管理机构"),
            (nameof(MaternalVisit.Contact), "服务项目"),
            (nameof(MaternalVisit.Number), "产前检查次序"),
            (nameof(MaternalVisit.Date), "日期"),
            (nameof(MaternalVisit.GestationDays), "孕周（天）"),
            (nameof(MaternalVisit.WeightKg), "体重"),
            (nameof(MaternalVisit.SystolicBp), "收缩压"),
            (nameof(MaternalVisit.DiastolicBp), "舒张压"),
            (nameof(MaternalVisit.Haemoglobin), "血红蛋白"),
            (nameof(MaternalVisit.FundalHeightCm), "宫底高度"),
            (nameof(MaternalVisit.FetalHeartRate), "胎心率"),
            (nameof(MaternalVisit.TemperatureC), "体温"),
            (nameof(MaternalVisit.AbnormalItems), "异常项目"),
            (nameof(MaternalVisit.Abnormal), "分类异常（未恢复）"),
            (nameof(MaternalVisit.Guidance), "保健指导"),
            (nameof(MaternalVisit.Referral), "转诊"),
            (nameof(MaternalVisit.ReferralReason), "转诊原因"),
            (nameof(MaternalVisit.DoctorName), "随访医生"),
            (nameof(MaternalVisit.RecordedAt), "记录时间")),
        AuditedType.Of<PregnancyNewborn>("新生儿登记",
            (nameof(PregnancyNewborn.PregnancyId), "孕产妇管理"),
            (nameof(PregnancyNewborn.MotherId), "母亲"),
            (nameof(PregnancyNewborn.ResidentId), "新生儿"),
            (nameof(PregnancyNewborn.RegisteredBy), "登记人"),
            (nameof(PregnancyNewborn.RegisteredAt), "登记时间")),
        AuditedType.Of<TbPatient>("肺结核患者健康管理",
            (nameof(TbPatient.ResidentId), "患者"),
            (nameof(TbPatient.InstitutionId), "管理机构"),
            (nameof(TbPatient.NotifiedOn), "通知日期"),
            (nameof(TbPatient.DiagnosedAt), "确诊机构"),
            (nameof(TbPatient.TreatmentStartedOn), "开始治疗日期"),
            (nameof(TbPatient.PatientType), "患者类型"),
            (nameof(TbPatient.Sputum), "痰菌情况"),
            (nameof(TbPatient.Resistance), "耐药情况"),
            (nameof(TbPatient.Regimen), "化疗方案"),
            (nameof(TbPatient.Supervisor), "督导人员"),
            (nameof(TbPatient.RegisteredBy), "登记人"),
            (nameof(TbPatient.Status), "管理状态"),
            (nameof(TbPatient.FirstVisitOn), "第一次入户随访日期"),
            (nameof(TbPatient.LastVisitOn), "最近随访日期"),
            (nameof(TbPatient.NextDueOn), "下次随访日期"),
            (nameof(TbPatient.StoppedOn), "停止治疗日期"),
            (nameof(TbPatient.StopReason), "停止治疗原因"),
            (nameof(TbPatient.VisitsDue), "应访视次数"),
            (nameof(TbPatient.VisitsDone), "实际访视次数"),
            (nameof(TbPatient.DosesDue), "应服药次数"),
            (nameof(TbPatient.DosesTaken), "实际服药次数"),
            (nameof(TbPatient.Version), "")),
        AuditedType.Of<TbVisit>("肺结核患者随访",
            (nameof(TbVisit.PatientId), "患者管理"),
            (nameof(TbVisit.ResidentId), "患者"),
            (nameof(TbVisit.InstitutionId), "管理机构"),
            (nameof(TbVisit.First), "第一次入户随访"),
            (nameof(TbVisit.Date), "随访日期"),
            (nameof(TbVisit.TreatmentMonth), "治疗月序"),
            (nameof(TbVisit.Mode), "随访方式"),
            (nameof(TbVisit.Supervisor), "督导人员"),
            (nameof(TbVisit.Symptoms), "症状及体征"),
            (nameof(TbVisit.MissedDoses), "漏服药次数"),
            (nameof(TbVisit.AdverseReaction), "药物不良反应"),
            (nameof(TbVisit.Complication), "并发症或合并症"),
            (nameof(TbVisit.Referral), "转诊"),
            (nameof(TbVisit.Advice), "处理意见"),
            (nameof(TbVisit.NextDueOn), "下次随访日期"),
            (nameof(TbVisit.DoctorName), "随访医生"),
            (nameof(TbVisit.RecordedAt), "记录时间")),
        AuditedType.Of<ChildCheck>("儿童健康检查",
            (nameof(ChildCheck.ResidentId), "儿童"),
            (nameof(ChildCheck.InstitutionId), "管理机构"),
            (nameof(ChildCheck.Contact), "检查次别"),
            (nameof(ChildCheck.Date), "检查日期"),
            (nameof(ChildCheck.WeightKg), "体重"),
            (nameof(ChildCheck.LengthCm), "身长（身高）"),
            (nameof(ChildCheck.HeadCm), "头围"),
            (nameof(ChildCheck.WeightRating), "体重评价"),
            (nameof(ChildCheck.LengthRating), "身长（身高）评价"),
            (nameof(ChildCheck.Growth), "体格发育评价"),
            (nameof(ChildCheck.HbGL), "血红蛋白值"),
            (nameof(ChildCheck.HearingPassed), "听力"),
            (nameof(ChildCheck.VisionLeft), "左眼视力"),
            (nameof(ChildCheck.VisionRight), "右眼视力"),
            (nameof(ChildCheck.WarningSigns), "预警征象"),
            (nameof(ChildCheck.Illness), "两次随访间患病情况"),
            (nameof(ChildCheck.Referral), "转诊"),
            (nameof(ChildCheck.ReferralReason), "转诊原因"),
            (nameof(ChildCheck.Guidance), "指导"),
            (nameof(ChildCheck.NextDate), "下次随访日期"),
            (nameof(ChildCheck.GestationalWeeks), "出生孕周"),
            (nameof(ChildCheck.BirthWeightKg), "出生体重"),
            (nameof(ChildCheck.Feeding), "喂养方式"),
            (nameof(ChildCheck.Jaundice), "黄疸部位"),
            (nameof(ChildCheck.Cord), "脐带"),
            (nameof(ChildCheck.HearingScreen), "新生儿听力筛查"),
            (nameof(ChildCheck.MetabolicScreen), "新生儿疾病筛查"),
            (nameof(ChildCheck.DoctorName), "随访医生"),
            (nameof(ChildCheck.RecordedAt), "记录时间")),
        AuditedType.Of<HealthRecord>("居民健康档案",
            (nameof(HealthRecord.ResidentId), "居民"),
            (nameof(HealthRecord.InstitutionId), "建档机构"),
            (nameof(HealthRecord.Number), "档案编号"),
            (nameof(HealthRecord.CreatedOn), "建档日期"),
            (nameof(HealthRecord.CreatedBy), "建档人"),
            (nameof(HealthRecord.ResponsibleDoctor), "责任医生"),
            (nameof(HealthRecord.Answers), "个人基本信息"),
            (nameof(HealthRecord.Status), "档案状态"),
            (nameof(HealthRecord.ClosedOn), "结案日期"),
            (nameof(HealthRecord.CloseReason), "结案原因"),
            (nameof(HealthRecord.UpdatedAt), "更新时间"),
            (nameof(HealthRecord.Version), "")),
        AuditedType.Of<CertificateCheck>("接种证查验",
            (nameof(CertificateCheck.ResidentId), "儿童"),
            (nameof(CertificateCheck.InstitutionId), "管理机构"),
            (nameof(CertificateCheck.School), "幼儿园/学校"),
            (nameof(CertificateCheck.CheckedOn), "查验日期"),
            (nameof(CertificateCheck.Result), "查验结果"),
            (nameof(CertificateCheck.Missing), "需补种剂次"),
            (nameof(CertificateCheck.CheckedBy), "查验人"),
            (nameof(CertificateCheck.RecordedAt), "记录时间")),
    ];

    public override async Task LabelAsync(AuditLabels labels, CancellationToken ct)
    {
        var enrolments = labels.IdsOf(nameof(ChronicEnrolment));
        if (enrolments.Count > 0)
        {
            foreach (var e in await db.Set<ChronicEnrolment>().AsNoTracking().Where(e => enrolments.Contains(e.Id)).Select(e => new { e.Id, e.Programme, e.EnrolledOn }).ToListAsync(ct))
            {
                labels.Set(nameof(ChronicEnrolment), e.Id, $"{ChronicRules.NameOf(e.Programme)}患者管理（{e.EnrolledOn:yyyy-MM-dd}纳入）");
            }
        }
        var followUps = labels.IdsOf(nameof(ChronicFollowUp));
        if (followUps.Count > 0)
        {
            foreach (var f in await db.Set<ChronicFollowUp>().AsNoTracking().Where(f => followUps.Contains(f.Id)).Select(f => new { f.Id, f.Programme, f.Date }).ToListAsync(ct))
            {
                labels.Set(nameof(ChronicFollowUp), f.Id, $"{ChronicRules.NameOf(f.Programme)}随访 {f.Date:yyyy-MM-dd}");
            }
        }
        var doses = labels.IdsOf(nameof(Vaccination));
        if (doses.Count > 0)
        {
            foreach (var v in await db.Set<Vaccination>().AsNoTracking().Where(v => doses.Contains(v.Id)).Select(v => new { v.Id, v.VaccineName, v.Dose, v.GivenOn }).ToListAsync(ct))
            {
                labels.Set(nameof(Vaccination), v.Id, $"{v.VaccineName}第{v.Dose}剂 {v.GivenOn:yyyy-MM-dd}");
            }
        }
        var elderly = labels.IdsOf(nameof(ElderlyCheck));
        if (elderly.Count > 0)
        {
            foreach (var c in await db.Set<ElderlyCheck>().AsNoTracking().Where(c => elderly.Contains(c.Id)).Select(c => new { c.Id, c.Date }).ToListAsync(ct))
            {
                labels.Set(nameof(ElderlyCheck), c.Id, $"老年人健康体检 {c.Date:yyyy-MM-dd}");
            }
        }
        var mental = labels.IdsOf(nameof(MentalPatient));
        if (mental.Count > 0)
        {
            foreach (var m in await db.Set<MentalPatient>().AsNoTracking().Where(m => mental.Contains(m.Id)).Select(m => new { m.Id, m.RegisteredOn }).ToListAsync(ct))
            {
                labels.Set(nameof(MentalPatient), m.Id, $"严重精神障碍患者管理（{m.RegisteredOn:yyyy-MM-dd}登记）");
            }
        }
        var mentalVisits = labels.IdsOf(nameof(MentalFollowUp));
        if (mentalVisits.Count > 0)
        {
            foreach (var f in await db.Set<MentalFollowUp>().AsNoTracking().Where(f => mentalVisits.Contains(f.Id)).Select(f => new { f.Id, f.Date }).ToListAsync(ct))
            {
                labels.Set(nameof(MentalFollowUp), f.Id, $"严重精神障碍患者随访 {f.Date:yyyy-MM-dd}");
            }
        }
        var pregnancies = labels.IdsOf(nameof(Pregnancy));
        if (pregnancies.Count > 0)
        {
            foreach (var p in await db.Set<Pregnancy>().AsNoTracking().Where(p => pregnancies.Contains(p.Id)).Select(p => new { p.Id, p.RegisteredOn }).ToListAsync(ct))
            {
                labels.Set(nameof(Pregnancy), p.Id, $"孕产妇健康管理（{p.RegisteredOn:yyyy-MM-dd}建册）");
            }
        }
        var maternalVisits = labels.IdsOf(nameof(MaternalVisit));
        if (maternalVisits.Count > 0)
        {
            foreach (var v in await db.Set<MaternalVisit>().AsNoTracking().Where(v => maternalVisits.Contains(v.Id)).Select(v => new { v.Id, v.Contact, v.Number, v.Date }).ToListAsync(ct))
            {
                labels.Set(nameof(MaternalVisit), v.Id, $"{MaternalRules.ContactName(v.Contact, v.Number)} {v.Date:yyyy-MM-dd}");
            }
        }
        var tb = labels.IdsOf(nameof(TbPatient));
        if (tb.Count > 0)
        {
            foreach (var p in await db.Set<TbPatient>().AsNoTracking().Where(p => tb.Contains(p.Id)).Select(p => new { p.Id, p.NotifiedOn }).ToListAsync(ct))
            {
                labels.Set(nameof(TbPatient), p.Id, $"肺结核患者健康管理（{p.NotifiedOn:yyyy-MM-dd}通知）");
            }
        }
        var tbVisits = labels.IdsOf(nameof(TbVisit));
        if (tbVisits.Count > 0)
        {
            foreach (var v in await db.Set<TbVisit>().AsNoTracking().Where(v => tbVisits.Contains(v.Id)).Select(v => new { v.Id, v.Date }).ToListAsync(ct))
            {
                labels.Set(nameof(TbVisit), v.Id, $"肺结核患者随访 {v.Date:yyyy-MM-dd}");
            }
        }
        var childChecks = labels.IdsOf(nameof(ChildCheck));
        if (childChecks.Count > 0)
        {
            foreach (var c in await db.Set<ChildCheck>().AsNoTracking().Where(c => childChecks.Contains(c.Id)).Select(c => new { c.Id, c.Contact, c.Date }).ToListAsync(ct))
            {
                labels.Set(nameof(ChildCheck), c.Id, c.Contact == "newborn" ? $"新生儿家庭访视 {c.Date:yyyy-MM-dd}" : $"{childSchedule.Current.Find(c.Contact)?.Name ?? c.Contact}儿童健康检查 {c.Date:yyyy-MM-dd}");
            }
        }
        var records = labels.IdsOf(nameof(HealthRecord));
        if (records.Count > 0)
        {
            foreach (var h in await db.Set<HealthRecord>().AsNoTracking().Where(h => records.Contains(h.Id)).Select(h => new { h.Id, h.Number }).ToListAsync(ct))
            {
                labels.Set(nameof(HealthRecord), h.Id, $"居民健康档案 {h.Number}");
            }
        }
        var checks = labels.IdsOf(nameof(CertificateCheck));
        if (checks.Count > 0)
        {
            foreach (var c in await db.Set<CertificateCheck>().AsNoTracking().Where(c => checks.Contains(c.Id)).Select(c => new { c.Id, c.School, c.CheckedOn }).ToListAsync(ct))
            {
                labels.Set(nameof(CertificateCheck), c.Id, $"{c.School}查验接种证 {c.CheckedOn:yyyy-MM-dd}");
            }
        }
    }

    public override Task<IReadOnlyList<AuditedRecord>> FindDocumentsAsync(IReadOnlyCollection<string> numbers, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<AuditedRecord>>([]);
}
