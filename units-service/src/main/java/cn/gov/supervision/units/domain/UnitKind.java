package cn.gov.supervision.units.domain;

public enum UnitKind {
    CITY_DEPARTMENT,
    DISTRICT_GOVERNMENT,
    ENTERPRISE,
    /** Stands for other units (各区县政府, 市级各部门); never does work itself. */
    GROUP
}
