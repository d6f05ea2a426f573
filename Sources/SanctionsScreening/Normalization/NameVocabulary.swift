/// Words that say what kind of organisation or place a name is, rather than which one.
///
/// Legal forms neither create nor prevent a match (weight 0). Generic descriptors and place names
/// count little: leaving them out costs almost nothing ("Hikvision" finds "Hangzhou Hikvision
/// Digital Technology Co., Ltd."), but two different descriptors conflict ("Dahua Electronics" is
/// not "Dahua Technology").
public enum NameVocabulary {
    /// How much a token says about which party a name is.
    public enum Role: UInt8, Sendable, Hashable {
        case distinctive, generic, place, legalForm, stopWord
    }

    /// Legal-form words, after normalisation (dotted abbreviations are joined first: `S.A.` → `sa`).
    public static let legalForms: Set<String> = [
        "co", "company", "companies", "ltd", "limited", "corp", "corporation", "inc", "incorporated", "llc", "plc",
        "gmbh", "mbh",
        "sa", "sarl", "srl", "sas", "spa", "ag", "bv", "nv", "pte", "pty", "llp", "lp", "jsc", "ojsc", "pjsc", "cjsc",
        "ooo", "zao",
        "oao", "pao", "kk", "ab", "oy", "as", "asa", "aps", "kft", "sro", "doo", "ad", "eood", "ood", "fze", "fzco",
        "fzc", "fzllc",
        "wll", "sdn", "bhd", "tbk", "pt", "cv", "lda", "ltda", "sl", "se", "kg", "gbr", "ohg", "group",
        "enterprise", "enterprises", "establishment", "est",
    ]

    /// Descriptors that many companies share.
    public static let generic: Set<String> = [
        "technology", "technologies", "tech", "digital", "science", "sciences", "scientific", "information", "info",
        "industry", "industries",
        "industrial", "international", "intl", "development", "developments", "trading", "trade", "traders",
        "electronics", "electronic",
        "electric", "electrical", "communication", "communications", "network", "networks", "system", "systems",
        "equipment",
        "manufacturing", "manufacture", "engineering", "research", "institute", "machinery", "machine", "materials",
        "material",
        "investment", "investments", "service", "services", "import", "export", "general", "global", "intelligent",
        "intelligence",
        "software", "solutions", "solution", "products", "product", "management", "logistics", "shipping", "petroleum",
        "energy",
        "chemical", "chemicals", "pharmaceutical", "biotechnology", "bio", "power", "new", "high", "hi", "innovation",
        "innovations",
        "consulting", "consultancy", "commercial", "economic", "resources", "imp", "exp", "impex", "marine", "aviation",
        "aerospace",
        "capital", "finance", "financial", "bank", "holding", "holdings", "center", "centre", "laboratory", "lab",
        "labs", "university",
        "academy",
        "office", "branch", "agency", "department", "bureau", "ministry", "authority", "factory", "works", "plant",
        "park", "zone",
    ]

    /// Places that prefix many company names (Chinese city and province names especially).
    public static let places: Set<String> = [
        "china", "chinese", "beijing", "shanghai", "shenzhen", "hangzhou", "guangzhou", "xiamen", "wuhan", "chengdu",
        "tianjin",
        "nanjing", "suzhou", "dongguan", "xian", "chongqing", "hefei", "harbin", "changsha", "zhejiang", "jiangsu",
        "guangdong",
        "sichuan", "fujian", "hubei", "hunan", "henan", "hebei", "shandong", "shaanxi", "shanxi", "anhui", "jiangxi",
        "liaoning",
        "jilin", "heilongjiang", "yunnan", "guizhou", "guangxi", "hainan", "gansu", "qinghai", "ningxia", "xinjiang",
        "tibet",
        "inner", "mongolia", "hong", "kong", "hongkong", "macau", "macao", "taiwan", "ningbo", "qingdao", "dalian",
        "shenyang",
        "zhuhai", "foshan", "wuxi", "changzhou", "xuzhou", "jinan", "zhengzhou", "kunming", "nanchang", "fuzhou",
        "urumqi",
        "russia", "russian", "moscow", "iran", "iranian", "tehran", "dubai", "uae", "singapore", "malaysia", "turkey",
        "usa",
        "america", "american", "europe", "european", "asia", "pacific", "middle", "east", "west", "north", "south",
        "sz",
        "korea", "korean", "dprk", "iraq", "iraqi", "syria", "syrian", "lebanon", "yemen", "afghanistan", "pakistan",
        "india", "israel",
        "saudi", "arabia", "qatar", "oman", "kuwait", "bahrain", "jordan", "egypt", "libya", "sudan", "somalia",
        "nigeria", "kenya",
        "venezuela", "cuba", "mexico", "colombia", "panama", "brazil", "ukraine", "belarus", "crimea", "kazakhstan",
        "uzbekistan",
        "georgia", "armenia", "azerbaijan", "germany", "france", "britain", "british", "london", "cyprus", "greece",
        "italy", "spain",
        "switzerland", "netherlands", "japan", "vietnam", "thailand", "indonesia", "philippines", "myanmar", "burma",
        "laos", "cambodia",
        "siberia", "siberian", "ural", "volga", "petersburg", "africa", "african", "latin", "gulf", "arab", "emirates",
        "international",
    ]

    /// Words that carry no identity at all.
    public static let stopWords: Set<String> = [
        "and", "of", "the", "for", "de", "la", "le", "du", "des", "el", "al", "y", "e", "et", "und", "a", "an",
    ]

    /// The role of a normalised token.
    public static func role(of token: String) -> Role {
        if legalForms.contains(token) { return .legalForm }
        if stopWords.contains(token) { return .stopWord }
        if generic.contains(token) { return .generic }
        if places.contains(token) { return .place }
        return .distinctive
    }
}
