/// Names of places that news writes alone ("Myanmar said…", "in Los Angeles"): countries and
/// territories, US states and Canadian provinces, capitals and large cities. A span that is
/// exactly one of these is a place (or its government by metonymy), never reported as a person
/// or an organization. Written out for lede from general knowledge (facts, not a copied list);
/// names that are also common given names or surnames ("Jordan", "Chad", "Victoria",
/// "Washington", "Lincoln") are left out on purpose.
enum NERPlaces {
    static let names: [String] = [
        // Countries and territories.
        "Afghanistan", "Albania", "Algeria", "Andorra", "Angola", "Antigua", "Argentina", "Armenia", "Australia",
        "Austria", "Azerbaijan", "Bahamas", "Bahrain", "Bangladesh", "Barbados", "Belarus", "Belgium", "Belize",
        "Benin", "Bhutan", "Bolivia", "Bosnia", "Botswana", "Brazil", "Brunei", "Bulgaria", "Burkina Faso",
        "Burundi", "Cambodia", "Cameroon", "Canada", "Cape Verde", "Central African Republic", "Chile", "China",
        "Colombia", "Comoros", "Congo", "Costa Rica", "Croatia", "Cuba", "Cyprus", "Czech Republic", "Czechia",
        "Denmark", "Djibouti", "Dominica", "Dominican Republic", "East Timor", "Ecuador", "Egypt", "El Salvador",
        "Equatorial Guinea", "Eritrea", "Estonia", "Eswatini", "Ethiopia", "Fiji", "Finland", "France", "Gabon",
        "Gambia", "Germany", "Ghana", "Greece", "Grenada", "Guatemala", "Guinea", "Guinea-Bissau", "Guyana",
        "Haiti", "Honduras", "Hungary", "Iceland", "India", "Indonesia", "Iran", "Iraq", "Ireland", "Israel",
        "Italy", "Ivory Coast", "Jamaica", "Japan", "Kazakhstan", "Kenya", "Kiribati", "Kosovo", "Kuwait",
        "Kyrgyzstan", "Laos", "Latvia", "Lebanon", "Lesotho", "Liberia", "Libya", "Liechtenstein", "Lithuania",
        "Luxembourg", "Madagascar", "Malawi", "Malaysia", "Maldives", "Mali", "Malta", "Marshall Islands",
        "Mauritania", "Mauritius", "Mexico", "Micronesia", "Moldova", "Monaco", "Mongolia", "Montenegro",
        "Morocco", "Mozambique", "Myanmar", "Burma", "Namibia", "Nauru", "Nepal", "Netherlands", "New Zealand",
        "Nicaragua", "Niger", "Nigeria", "North Korea", "North Macedonia", "Macedonia", "Norway", "Oman",
        "Pakistan", "Palau", "Palestine", "Panama", "Papua New Guinea", "Paraguay", "Peru", "Philippines",
        "Poland", "Portugal", "Qatar", "Romania", "Russia", "Rwanda", "Samoa", "San Marino", "Saudi Arabia",
        "Senegal", "Serbia", "Seychelles", "Sierra Leone", "Singapore", "Slovakia", "Slovenia",
        "Solomon Islands", "Somalia", "South Africa", "South Korea", "South Sudan", "Spain", "Sri Lanka", "Sudan",
        "Suriname", "Swaziland", "Sweden", "Switzerland", "Syria", "Taiwan", "Tajikistan", "Tanzania", "Thailand",
        "Togo", "Tonga", "Trinidad", "Tobago", "Tunisia", "Turkey", "Turkmenistan", "Tuvalu", "Uganda", "Ukraine",
        "United Arab Emirates", "UAE", "United Kingdom", "UK", "Britain", "Great Britain", "England", "Scotland",
        "Wales", "Northern Ireland", "United States", "United States of America", "USA", "U.S.", "U.S.A.",
        "America", "Uruguay", "Uzbekistan", "Vanuatu", "Vatican", "Venezuela", "Vietnam", "Yemen", "Zambia",
        "Zimbabwe", "Greenland", "Puerto Rico", "Hong Kong", "Macau", "Macao", "Gaza", "Gaza Strip",
        "West Bank", "Tibet", "Xinjiang", "Chechnya", "Crimea", "Kashmir", "Kurdistan", "Darfur",
        "Soviet Union", "USSR", "Yugoslavia", "Europe", "Asia", "Africa", "Antarctica", "Oceania",
        "North America", "South America", "Latin America", "Middle East", "Balkans", "Caribbean", "Scandinavia",
        "Alps", "Andes", "Himalayas", "Pyrenees", "Urals", "Sahara",
        // US states, Canadian provinces, Australian states.
        "Alabama", "Alaska", "Arizona", "Arkansas", "California", "Colorado", "Connecticut", "Delaware", "Florida",
        "Georgia", "Hawaii", "Idaho", "Illinois", "Indiana", "Iowa", "Kansas", "Kentucky", "Louisiana", "Maine",
        "Maryland", "Massachusetts", "Michigan", "Minnesota", "Mississippi", "Missouri", "Montana", "Nebraska",
        "Nevada", "New Hampshire", "New Jersey", "New Mexico", "New York", "North Carolina", "North Dakota",
        "Ohio", "Oklahoma", "Oregon", "Pennsylvania", "Rhode Island", "South Carolina", "South Dakota",
        "Tennessee", "Texas", "Utah", "Vermont", "Virginia", "West Virginia", "Wisconsin", "Wyoming",
        "Alberta", "British Columbia", "Manitoba", "New Brunswick", "Newfoundland", "Nova Scotia", "Ontario",
        "Quebec", "Saskatchewan", "Yukon", "Nunavut", "Queensland", "New South Wales", "Tasmania", "Western Australia",
        "South Australia", "Northern Territory", "Australian Capital Territory",
        // Buildings and streets that stand for a government or a trade by metonymy: places.
        "White House", "Downing Street", "Buckingham Palace", "Capitol Hill", "Oval Office", "Blue House",
        "Elysee Palace", "Élysée Palace", "Wall Street", "Red Square", "Tiananmen Square", "Westminster",
        // Capitals and large cities.
        "Kabul", "Tirana", "Algiers", "Luanda", "Buenos Aires", "Yerevan", "Canberra", "Vienna", "Baku", "Manama",
        "Dhaka", "Minsk", "Brussels", "La Paz", "Sarajevo", "Brasilia", "Sofia", "Phnom Penh", "Ottawa",
        "Santiago", "Beijing", "Bogota", "Kinshasa", "Zagreb", "Havana", "Nicosia", "Prague", "Copenhagen",
        "Quito", "Cairo", "Tallinn", "Addis Ababa", "Helsinki", "Paris", "Berlin", "Accra", "Athens",
        "Budapest", "Reykjavik", "New Delhi", "Delhi", "Jakarta", "Tehran", "Baghdad", "Dublin", "Jerusalem",
        "Tel Aviv", "Rome", "Tokyo", "Amman", "Astana", "Nairobi", "Pristina", "Kuwait City", "Bishkek",
        "Vientiane", "Riga", "Beirut", "Monrovia", "Tripoli", "Vilnius", "Antananarivo", "Kuala Lumpur", "Bamako",
        "Valletta", "Mexico City", "Chisinau", "Ulaanbaatar", "Podgorica", "Rabat", "Maputo", "Naypyidaw",
        "Yangon", "Rangoon", "Windhoek", "Kathmandu", "Amsterdam", "The Hague", "Wellington", "Managua", "Niamey",
        "Abuja", "Lagos", "Pyongyang", "Skopje", "Oslo", "Muscat", "Islamabad", "Karachi", "Lahore",
        "Panama City", "Asuncion", "Lima", "Manila", "Warsaw", "Lisbon", "Doha", "Bucharest", "Moscow",
        "Kigali", "Riyadh", "Dakar", "Belgrade", "Freetown", "Bratislava", "Ljubljana", "Mogadishu",
        "Pretoria", "Johannesburg", "Cape Town", "Seoul", "Juba", "Madrid", "Barcelona", "Colombo", "Khartoum",
        "Stockholm", "Bern", "Geneva", "Zurich", "Damascus", "Aleppo", "Taipei", "Dushanbe", "Dodoma",
        "Dar es Salaam", "Bangkok", "Tunis", "Ankara", "Istanbul", "Ashgabat", "Kampala", "Kyiv", "Kiev",
        "Abu Dhabi", "Dubai", "London", "Montevideo", "Tashkent", "Caracas", "Hanoi", "Ho Chi Minh City",
        "Sanaa", "Lusaka", "Harare", "Mumbai", "Bombay", "Kolkata", "Calcutta", "Chennai", "Bangalore",
        "Shanghai", "Guangzhou", "Shenzhen", "Wuhan", "Chongqing", "Osaka", "Sydney", "Melbourne", "Brisbane",
        "Perth", "Adelaide", "Auckland", "Toronto", "Montreal", "Vancouver", "Calgary", "Edmonton", "Sao Paulo",
        "Rio de Janeiro", "Bogotá", "Medellin", "Munich", "Frankfurt", "Hamburg", "Cologne", "Milan", "Naples",
        "Venice", "Florence", "Marseille", "Lyon", "Manchester", "Liverpool", "Birmingham", "Edinburgh",
        "Glasgow", "Belfast", "St Petersburg", "Saint Petersburg", "Kandahar", "Basra", "Mosul", "Fallujah",
        "Kirkuk", "Ramadi", "Tikrit", "Benghazi", "Alexandria", "Mecca", "Medina", "Jeddah", "Gaza City",
        "Ramallah", "Hebron", "Haifa", "Peshawar", "Quetta", "Rawalpindi", "Hyderabad",
        "Los Angeles", "LA", "L.A.", "San Francisco", "Chicago", "Houston", "Philadelphia", "Phoenix", "San Antonio",
        "San Diego", "Dallas", "San Jose", "Austin", "Seattle", "Denver", "Boston", "Detroit", "Miami",
        "Atlanta", "Las Vegas", "New Orleans", "Baltimore", "Pittsburgh", "Cleveland", "Minneapolis",
        "St. Louis", "Portland", "Sacramento", "Honolulu", "Anchorage", "Brooklyn", "Manhattan", "Queens",
        "Bronx", "Silicon Valley", "Hollywood", "New York City", "Washington D.C.", "Washington, D.C.",
        // More capitals, and cities and regions that news datelines and conflicts name often.
        "Santo Domingo", "San Juan", "Port-au-Prince", "Guatemala City", "Tegucigalpa", "San Salvador",
        "San José", "Port Moresby", "Nouakchott", "Ouagadougou", "Bangui", "N'Djamena", "Brazzaville",
        "Libreville", "Lomé", "Lome", "Porto-Novo", "Cotonou", "Conakry", "Bissau", "Banjul", "Yaoundé",
        "Yaounde", "Douala", "Malabo", "Asmara", "Lilongwe", "Gaborone", "Maseru", "Mbabane", "Port Louis",
        "Thimphu", "Dili", "Honiara", "Suva", "Tbilisi", "Paramaribo", "Port of Spain", "Bridgetown", "Nassau",
        "Belmopan", "Hargeisa", "Goma", "Mombasa", "Kano", "Port Harcourt", "Herat", "Jalalabad", "Helmand",
        "Najaf", "Karbala", "Samarra", "Erbil", "Homs", "Idlib", "Raqqa", "Nablus", "Jenin", "Rafah",
        "Bethlehem", "Misrata", "Sirte", "Tobruk", "Aden", "Mashhad", "Isfahan", "Tabriz", "Qom", "Chittagong",
        "Lhasa", "Urumqi", "Kaohsiung", "Busan", "Incheon", "Kyoto", "Nagoya", "Yokohama", "Hiroshima",
        "Nagasaki", "Okinawa", "Chiang Mai", "Phuket", "Cebu", "Davao", "Mindanao", "Surabaya", "Bandung",
        "Medan", "Bali", "Aceh", "Sumatra", "Borneo", "Multan", "Faisalabad", "Srinagar", "Ahmedabad", "Pune",
        "Jaipur", "Lucknow", "Patna", "Donetsk", "Luhansk", "Kharkiv", "Lviv", "Mariupol", "Sevastopol",
        "Dagestan", "Siberia", "Catalonia", "Andalusia", "Bavaria", "Sicily", "Sardinia", "Corsica",
        "Tuscany", "Lombardy", "Flanders", "Normandy", "Punjab", "Sindh", "Balochistan", "Baluchistan",
        "Waziristan", "Sinai", "Golan Heights", "Anbar", "Monte Carlo", "Chapel Hill", "Dorset", "Somerset",
        "Devon", "Cornwall", "Yorkshire", "Lancashire",
        // Territories.
        "Isle of Man", "Guernsey", "Gibraltar", "Bermuda", "Guam", "Aruba", "Faroe Islands", "Falkland Islands",
        "Falklands", "Western Sahara", "Abkhazia", "South Ossetia", "Transnistria", "Nagorno-Karabakh",
    ]

    static let hashes = NERHashSet(names.map(hash(ofPhrase:)))

    /// The hash of no words: each word's hash is combined into it in turn (`nerCombine`).
    static let emptyHash: UInt64 = 0x9E37

    /// The hash of a span's words, one for the whole sequence: how a name of several words is
    /// looked up in a list of names (places here, and other lists of the recognizer).
    static func hash(_ tokens: ArraySlice<NERToken>) -> UInt64 {
        tokens.reduce(emptyHash) { nerCombine($0, $1.lower) }
    }

    /// `hash` of the words of a phrase written in the code, as an article's span of them hashes.
    static func hash(ofPhrase phrase: String) -> UInt64 {
        NERText.wordHashes(phrase).reduce(emptyHash, nerCombine)
    }

    static func contains(_ tokens: ArraySlice<NERToken>) -> Bool {
        guard tokens.count <= 5 else { return false }
        return hashes.contains(hash(tokens))
    }
}
