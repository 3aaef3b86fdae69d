namespace CountyHealth.Kernel.Validation;

/// <summary>
/// The Chinese name of an input field, for messages that come from the door rather than from a use case (which names
/// its fields itself): a person reading "姓名不能超过50个字" knows which box to fix, "name" would not tell her.
/// </summary>
public static class FieldLabels
{
    private static readonly Dictionary<string, string> Labels = new(StringComparer.OrdinalIgnoreCase)
    {
        ["body"] = "请求内容",
        ["name"] = "名称",
        ["fullName"] = "姓名",
        ["userName"] = "用户名",
        ["password"] = "密码",
        ["currentPassword"] = "原密码",
        ["newPassword"] = "新密码",
        ["refreshToken"] = "刷新令牌",
        ["code"] = "编码",
        ["kind"] = "类别",
        ["parentId"] = "上级机构",
        ["address"] = "地址",
        ["phone"] = "电话",
        ["institutionId"] = "机构",
        ["departmentId"] = "科室",
        ["isClinical"] = "是否临床科室",
        ["staffId"] = "人员",
        ["roles"] = "角色",
        ["isActive"] = "是否启用",
        ["title"] = "职称",
        ["role"] = "角色",
        ["action"] = "操作",
        ["residentId"] = "居民",
        ["resident"] = "居民姓名或身份证号",
        ["document"] = "单据号",
        ["from"] = "开始日期",
        ["to"] = "结束日期",
        ["date"] = "日期",
        ["page"] = "页码",
        ["pageSize"] = "每页条数",
        ["q"] = "查询内容",
        ["take"] = "条数",
        ["tendered"] = "实收金额",
        ["reopenReason"] = "重新接诊原因",
        ["checkerStaffId"] = "核对药师",
        ["status"] = "状态",
        ["sex"] = "性别",
        ["birthDate"] = "出生日期",
        ["idNumber"] = "身份证号",
        ["ethnicity"] = "民族",
        ["reason"] = "原因",
        ["requestId"] = "请求编号",
        ["visitId"] = "就诊",
        ["chargeIds"] = "收费项目",
        ["method"] = "支付方式",
        ["lineIds"] = "发药明细",
        ["drugId"] = "药品",
        ["batchNumber"] = "批号",
        ["expiryDate"] = "有效期",
        ["quantity"] = "数量",
        ["purchasePrice"] = "进价",
        ["retailPrice"] = "零售价",
        ["supplier"] = "供货单位",
        ["specification"] = "规格",
        ["dosageForm"] = "剂型",
        ["doseUnit"] = "剂量单位",
        ["doseUnitsPerBaseUnit"] = "每最小单位含量",
        ["baseUnit"] = "最小单位",
        ["baseUnitsPerPack"] = "每包装数量",
        ["packUnit"] = "包装单位",
        ["defaultRoute"] = "默认用法",
        ["defaultFrequency"] = "默认频次",
        ["defaultDose"] = "默认单次剂量",
        ["manufacturer"] = "生产企业",
        ["needsSkinTest"] = "是否皮试",
        ["doctorStaffId"] = "医生",
        ["registrationItemCode"] = "挂号类别",
        ["itemCodes"] = "项目",
        ["items"] = "处方明细",
        ["dose"] = "单次剂量",
        ["frequency"] = "频次",
        ["route"] = "用法",
        ["days"] = "天数",
        ["diagnoses"] = "诊断",
        ["isPrimary"] = "是否主要诊断",
        ["chiefComplaint"] = "主诉",
        ["presentIllness"] = "现病史",
        ["pastHistory"] = "既往史",
        ["allergies"] = "过敏史",
        ["physicalExam"] = "体格检查",
        ["advice"] = "处理意见",
        ["vitals"] = "生命体征",
        ["temperature"] = "体温",
        ["pulse"] = "脉搏",
        ["respiration"] = "呼吸",
        ["systolic"] = "收缩压",
        ["diastolic"] = "舒张压",
        ["weight"] = "体重",
        ["height"] = "身高",
        ["glucose"] = "血糖",
        ["prescription"] = "处方号",
        ["systolicBp"] = "收缩压",
        ["diastolicBp"] = "舒张压",
        ["respiratoryRate"] = "呼吸",
        ["weightKg"] = "体重",
        ["heightCm"] = "身高",
        ["fastingGlucose"] = "空腹血糖",
        ["sourceId"] = "来源单据",
        ["sourceNumber"] = "来源单号",
        ["id"] = "编号",
        ["prescriptionId"] = "处方",
        ["sourceKind"] = "来源",
        ["usage"] = "用法",
    };

    /// <summary>The label of a field path such as <c>items[2].dose</c> (its last name), or 该项 when unknown.</summary>
    public static string Of(string field)
    {
        var last = field;
        var dot = last.LastIndexOf('.');
        if (dot >= 0)
        {
            last = last[(dot + 1)..];
        }
        var bracket = last.IndexOf('[', StringComparison.Ordinal);
        if (bracket >= 0)
        {
            last = last[..bracket];
        }
        return Labels.TryGetValue(last, out var label) ? label : "该项";
    }
}
