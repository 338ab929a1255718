package cn.gov.supervision.units;

import java.util.UUID;

/** Fixed ids of reference units loaded by V2__reference_units.sql (UUIDv5 of their codes). */
public final class ReferenceUnits {

    public static final UUID FGW = UUID.fromString("f2a77c3b-e192-5206-8d80-10907d4acb13");
    public static final UUID CZJ = UUID.fromString("046c3324-2b56-5f3b-81ba-b85bf97a6a1a");
    public static final UUID GGB = UUID.fromString("2acf5294-8d56-50f3-b632-e72ea47a5eb3");
    public static final UUID ZFB = UUID.fromString("6546456c-86ad-5db5-8a53-3fd9293a11f6");
    public static final UUID SFJ = UUID.fromString("8e8a609c-a7a1-51ab-99d7-835347bacb06");
    public static final UUID ZRZYGHJ = UUID.fromString("1749096b-1671-5ad3-9354-722cd720d547");
    public static final UUID WUXING = UUID.fromString("e985baa6-e101-59b5-ba9f-c0669983b157");
    public static final UUID NANXUN = UUID.fromString("f3609de2-5000-5ae0-ba2f-a81140c7427e");
    public static final UUID DEQING = UUID.fromString("b9903388-f4c6-5f4d-ad7f-a0ec3bd894a4");
    public static final UUID CHANGXING = UUID.fromString("b63be0df-080f-5e91-9625-ee397ae34836");
    public static final UUID ANJI = UUID.fromString("8adaa131-6c5e-5537-a900-cb817fd98db7");
    public static final UUID NANTAIHU = UUID.fromString("6b11c676-1c21-5a47-b5d8-1173660c3b9b");
    public static final UUID SGCC_HUZHOU = UUID.fromString("08932ea7-789c-5c13-837c-7e4cab6da604");
    public static final UUID DISTRICTS = UUID.fromString("d804970c-a66b-536c-bf22-cd02ff87003e");
    public static final UUID CITY_DEPARTMENTS = UUID.fromString("7e6a9ca7-9c54-5134-9b59-2e86ffc8869e");
    public static final UUID CITY_RELEVANT_DEPARTMENTS = UUID.fromString("cd33b45f-c899-5848-a86a-63d9670ddd57");

    private ReferenceUnits() {
    }
}
