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
        /// A title or honorific ("Dr.", "Col.", "Sheikh", "Hajji", "Jr."): a query may add it at no
        /// cost; a listed name's title left unpaired counts as a word of the name.
        case title
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

    /// Words of spelled-out legal forms ("Limited Liability Company", "Joint Stock Company",
    /// "Aktsionernoe Obshchestvo"), legal forms from `name-tokens-v2` on.
    public static let spelledLegalForms: Set<String> = [
        "liability", "joint", "stock", "obshchestvo", "aktsionernoe", "otkrytoe", "zakrytoe", "publichnoe",
        "ogranichennoi", "ogranichennoy", "otvetstvennostyu", "tovarishchestvo", "sirketi", "anonim", "grup",
        "grupo", "gruppa", "kompaniya", "compania", "compagnie", "compani",
    ]

    /// Titles and honorifics, left out of the comparison from `name-tokens-v2` on (as legal forms are).
    public static let titles: Set<String> = [
        "dr", "doctor", "col", "colonel", "gen", "maj", "major", "capt", "captain", "lt", "sgt", "brig", "adm",
        "admiral", "sheikh", "shaikh", "shaykh", "sheik", "haji", "hajji", "hajj", "alhaji", "mr", "mrs", "ms",
        "prof", "professor", "eng", "engr", "jr", "sr", "ii", "iii", "maulana", "mawlawi",
        "maulvi", "sir", "hon", "rev",
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

    /// Legal-form words of six letters or more, by first letter, for ``looksLikeLegalForm(_:respelled:)``.
    private static let longLegalForms: [UInt32: [[UInt32]]] = Dictionary(
        grouping: (legalForms.union(spelledLegalForms)).filter { $0.count >= 6 }.sorted().map {
            $0.unicodeScalars.map(\.value)
        }, by: { $0[0] })

    /// The sound spellings of legal-form words of four letters or more ("stock" → "stok").
    private static let legalFormSounds: Set<[UInt32]> = Set(
        legalForms.union(spelledLegalForms).filter { $0.count >= 4 }.map { word in
            let scalars = word.unicodeScalars.map(\.value)
            let respelled = SoundSpelling.make(scalars)
            return respelled.isEmpty ? scalars : respelled
        })

    /// Whether a token is a legal-form word spelt by sound ("stok", "kompany") or a misspelt
    /// legal-form word of six letters or more ("liabiliti", "stokc",
    /// "ogranichenoi"): the same first letter, a length within two, Jaro-Winkler at least 0.92.
    /// `respelled` is the token's ``SoundSpelling`` (empty when it is the token itself).
    static func looksLikeLegalForm(_ token: [UInt32], respelled: [UInt32]) -> Bool {
        if token.count >= 4, legalFormSounds.contains(respelled.isEmpty ? token : respelled) { return true }
        guard token.count >= 6, let first = token.first, let forms = longLegalForms[first] else { return false }
        return forms.contains { abs($0.count - token.count) <= 2 && JaroWinkler.similarity($0, token) >= 0.92 }
    }

    /// The role of a normalised token, in the vocabulary of `algorithm` (default: the current one).
    public static func role(of token: String, algorithm: MatchingAlgorithm = .current) -> Role {
        if legalForms.contains(token) { return .legalForm }
        if algorithm >= .tokensV2 {
            if spelledLegalForms.contains(token) { return .legalForm }
            if titles.contains(token) { return .title }
        }
        if stopWords.contains(token) { return .stopWord }
        if generic.contains(token) { return .generic }
        if places.contains(token) { return .place }
        return .distinctive
    }
}
