package cn.gov.supervision.testkit;

import java.util.List;
import java.util.UUID;

/** Fixed ids of the reference units that units-service loads (V2__reference_units.sql: UUIDv5 of their codes). */
public final class HuzhouUnits {

    /** 市发展改革委 */
    public static final UUID FGW = UUID.fromString("f2a77c3b-e192-5206-8d80-10907d4acb13");
    /** 市财政局 */
    public static final UUID CZJ = UUID.fromString("046c3324-2b56-5f3b-81ba-b85bf97a6a1a");
    /** 市建设局 */
    public static final UUID JSJ = UUID.fromString("701f90f9-9a5d-5467-b712-ca42a7f5d4ba");
    /** 市委改革办 */
    public static final UUID GGB = UUID.fromString("2acf5294-8d56-50f3-b632-e72ea47a5eb3");
    /** 市市场监管局 */
    public static final UUID SCJGJ = UUID.fromString("5d415069-58bd-51a9-b288-c6086cf82120");
    /** 市税务局 */
    public static final UUID SWJ = UUID.fromString("0d089ee1-9a0d-58c2-9230-10dbb242559a");
    /** 市政府办公室 */
    public static final UUID ZFB = UUID.fromString("6546456c-86ad-5db5-8a53-3fd9293a11f6");
    /** 市人力社保局 */
    public static final UUID RLSBJ = UUID.fromString("ec9fea23-618f-5016-97a8-5a7da3df0d83");
    /** 市教育局 */
    public static final UUID JYJ = UUID.fromString("400931dc-725d-55ce-8553-58bf377cce58");
    /** 市卫生健康委 */
    public static final UUID WJW = UUID.fromString("dae39faa-3da6-5e95-a450-e7612acffc35");
    /** 市生态环境局 */
    public static final UUID STHJJ = UUID.fromString("45ea2f5c-d7af-56f2-868f-2d608d3a642b");
    /** 市交通运输局 */
    public static final UUID JTYSJ = UUID.fromString("72120a1b-e657-50e0-8188-3f1347cfeff3");
    /** 市新闻传媒中心 */
    public static final UUID XWCMZX = UUID.fromString("08444724-9ee8-5e40-bc70-d42d5bc2a591");
    /** 市经信局 */
    public static final UUID JXJ = UUID.fromString("a62820ff-fbe8-59a8-8480-94169be25da4");
    /** 市大数据局 */
    public static final UUID DSJJ = UUID.fromString("657c42a8-529a-568c-8588-7771509b5ef4");
    /** 市信访局 */
    public static final UUID XFJ = UUID.fromString("ff733a98-abd7-5231-a711-56c0ac6bd23a");
    /** 市委网信办 */
    public static final UUID WXB = UUID.fromString("90563de0-8dd1-589c-a7c7-10406182cc14");
    /** 市司法局 */
    public static final UUID SFJ = UUID.fromString("8e8a609c-a7a1-51ab-99d7-835347bacb06");
    /** 市自然资源和规划局 */
    public static final UUID ZRZYGHJ = UUID.fromString("1749096b-1671-5ad3-9354-722cd720d547");
    /** 吴兴区政府 */
    public static final UUID WUXING = UUID.fromString("e985baa6-e101-59b5-ba9f-c0669983b157");
    /** 南浔区政府 */
    public static final UUID NANXUN = UUID.fromString("f3609de2-5000-5ae0-ba2f-a81140c7427e");
    /** 德清县政府 */
    public static final UUID DEQING = UUID.fromString("b9903388-f4c6-5f4d-ad7f-a0ec3bd894a4");
    /** 长兴县政府 */
    public static final UUID CHANGXING = UUID.fromString("b63be0df-080f-5e91-9625-ee397ae34836");
    /** 安吉县政府 */
    public static final UUID ANJI = UUID.fromString("8adaa131-6c5e-5537-a900-cb817fd98db7");
    /** 南太湖新区管委会 */
    public static final UUID NANTAIHU = UUID.fromString("6b11c676-1c21-5a47-b5d8-1173660c3b9b");
    /** 国网湖州供电公司 */
    public static final UUID SGCC_HUZHOU = UUID.fromString("08932ea7-789c-5c13-837c-7e4cab6da604");
    /** 各区县政府 */
    public static final UUID DISTRICTS = UUID.fromString("d804970c-a66b-536c-bf22-cd02ff87003e");
    /** 市级各部门 */
    public static final UUID CITY_DEPARTMENTS = UUID.fromString("7e6a9ca7-9c54-5134-9b59-2e86ffc8869e");
    /** 市级有关部门 */
    public static final UUID CITY_RELEVANT_DEPARTMENTS = UUID.fromString("cd33b45f-c899-5848-a86a-63d9670ddd57");

    /** The members of 各区县政府: the five district and county governments and 南太湖新区管委会. */
    public static final List<UUID> DISTRICT_GOVERNMENTS = List.of(WUXING, NANXUN, DEQING, CHANGXING, ANJI, NANTAIHU);

    /** How many units the reference data holds. */
    public static final int COUNT = 29;

    private HuzhouUnits() {
    }
}
