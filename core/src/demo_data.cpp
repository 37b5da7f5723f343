// Data tables of the demo portfolio (see demo_data.h).
#include "demo_data.h"

namespace parley::demo_data {
namespace {

using sv = std::string_view;

// [SECTION] United States ---------------------------------------------------------------------------------------------

constexpr UsPlace kUsPlaces[] = {
    {"MA", "Boston", "02108", "617", "America/New_York", ""},
    {"MA", "Cambridge", "02139", "617", "America/New_York", ""},
    {"MA", "Worcester", "01608", "508", "America/New_York", ""},
    {"MA", "Springfield", "01103", "413", "America/New_York", ""},
    {"MA", "Lowell", "01852", "978", "America/New_York", ""},
    {"NY", "New York", "10001", "212", "America/New_York", ""},
    {"NY", "Brooklyn", "11201", "718", "America/New_York", ""},
    {"NY", "Buffalo", "14202", "716", "America/New_York", ""},
    {"NY", "Rochester", "14604", "585", "America/New_York", ""},
    {"NY", "Albany", "12207", "518", "America/New_York", ""},
    {"NY", "Syracuse", "13202", "315", "America/New_York", ""},
    {"CA", "Los Angeles", "90012", "213", "America/Los_Angeles", ""},
    {"CA", "San Francisco", "94102", "415", "America/Los_Angeles", ""},
    {"CA", "San Diego", "92101", "619", "America/Los_Angeles", ""},
    {"CA", "Sacramento", "95814", "916", "America/Los_Angeles", ""},
    {"CA", "Fresno", "93721", "559", "America/Los_Angeles", ""},
    {"CA", "Oakland", "94612", "510", "America/Los_Angeles", ""},
    {"CA", "San Jose", "95113", "408", "America/Los_Angeles", ""},
    {"TX", "Houston", "77002", "713", "America/Chicago", ""},
    {"TX", "Dallas", "75201", "214", "America/Chicago", ""},
    {"TX", "Austin", "78701", "512", "America/Chicago", ""},
    {"TX", "San Antonio", "78205", "210", "America/Chicago", ""},
    {"TX", "Lubbock", "79401", "806", "America/Chicago", ""},
    {"TX", "El Paso", "79901", "915", "America/Denver", ""},
    {"FL", "Miami", "33130", "305", "America/New_York", ""},
    {"FL", "Orlando", "32801", "407", "America/New_York", ""},
    {"FL", "Tampa", "33602", "813", "America/New_York", ""},
    {"FL", "Jacksonville", "32202", "904", "America/New_York", ""},
    {"FL", "Tallahassee", "32301", "850", "America/New_York", "America/Chicago"},
    {"FL", "Pensacola", "32502", "850", "America/Chicago", "America/New_York"},
    {"IL", "Chicago", "60602", "312", "America/Chicago", ""},
    {"IL", "Springfield", "62701", "217", "America/Chicago", ""},
    {"IL", "Peoria", "61602", "309", "America/Chicago", ""},
    {"IL", "Rockford", "61101", "815", "America/Chicago", ""},
    {"WA", "Seattle", "98101", "206", "America/Los_Angeles", ""},
    {"WA", "Spokane", "99201", "509", "America/Los_Angeles", ""},
    {"WA", "Tacoma", "98402", "253", "America/Los_Angeles", ""},
    {"AZ", "Phoenix", "85004", "602", "America/Phoenix", ""},
    {"AZ", "Tucson", "85701", "520", "America/Phoenix", ""},
    {"AZ", "Flagstaff", "86001", "928", "America/Phoenix", "America/Denver"},
    {"HI", "Honolulu", "96813", "808", "Pacific/Honolulu", ""},
    {"HI", "Hilo", "96720", "808", "Pacific/Honolulu", ""},
    {"IN", "Indianapolis", "46204", "317", "America/Indiana/Indianapolis", ""},
    {"IN", "Evansville", "47708", "812", "America/Chicago", "America/Indiana/Indianapolis"},
    {"ID", "Boise", "83702", "208", "America/Boise", "America/Los_Angeles"},
    {"MI", "Detroit", "48226", "313", "America/Detroit", ""},
    {"MI", "Marquette", "49855", "906", "America/Detroit", "America/Menominee"},
    {"TN", "Nashville", "37219", "615", "America/Chicago", ""},
    {"TN", "Knoxville", "37902", "865", "America/New_York", ""},
    {"AK", "Anchorage", "99501", "907", "America/Anchorage", ""},
    {"CO", "Denver", "80202", "303", "America/Denver", ""},
    {"GA", "Atlanta", "30303", "404", "America/New_York", ""},
};

constexpr sv kUsGiven[] = {
    "James",     "Mary",    "Robert",  "Patricia",  "John",   "Jennifer", "Michael", "Linda",   "David",
    "Elizabeth", "William", "Barbara", "Richard",   "Susan",  "Joseph",   "Jessica", "Thomas",  "Sarah",
    "Carlos",    "Maria",   "Jose",    "Guadalupe", "Luis",   "Ana",      "Wei",     "Mei",     "Minh",
    "Linh",      "Jamal",   "Aaliyah", "DeShawn",   "Keisha", "Tyler",    "Ashley",  "Brandon", "Megan",
    "Kevin",     "Nicole",  "Daniel",  "Emily",     "Kalani", "Leilani",  "Raj",     "Priya",   "Omar",
    "Fatima",    "Sean",    "Erin",    "Noah",      "Olivia",
};

constexpr sv kUsFamily[] = {
    "Smith",     "Johnson",  "Williams",  "Brown",   "Jones",      "Garcia",    "Miller",   "Davis",
    "Rodriguez", "Martinez", "Hernandez", "Lopez",   "Gonzalez",   "Wilson",    "Anderson", "Thomas",
    "Taylor",    "Moore",    "Jackson",   "Martin",  "Lee",        "Perez",     "Thompson", "White",
    "Harris",    "Sanchez",  "Clark",     "Ramirez", "Lewis",      "Robinson",  "Walker",   "Young",
    "Nguyen",    "Tran",     "Kim",       "Park",    "Chen",       "Wong",      "Patel",    "Shah",
    "O'Brien",   "Murphy",   "Kealoha",   "Kahale",  "Washington", "Jefferson", "Cohen",    "Goldberg",
    "Kowalski",  "Novak",
};

constexpr sv kUsStreets[] = {
    "Main St",     "Oak Ave",      "Maple St",   "Washington St", "Elm St",      "Park Ave",
    "Cedar Ln",    "Lake Dr",      "Pine St",    "Hill Rd",       "Lincoln Ave", "Jefferson Blvd",
    "Sunset Blvd", "Highland Ave", "River Rd",   "Church St",     "Willow Way",  "Franklin St",
    "Adams St",    "Madison Ave",  "Spring St",  "Chestnut St",   "Forest Dr",   "Meadow Ln",
    "Broadway",    "Central Ave",  "Mission St", "Harbor Dr",     "Ridge Rd",    "Valley View Dr",
};

// [SECTION] United Kingdom --------------------------------------------------------------------------------------------

constexpr sv kLondon[] = {"E1", "E8", "N1", "N7", "NW1", "NW6", "SE1", "SE15", "SW2", "SW11", "W2", "W12"};
constexpr sv kManchester[] = {"M1", "M4", "M14", "M20", "M21"};
constexpr sv kBirmingham[] = {"B1", "B5", "B13", "B29"};
constexpr sv kLeeds[] = {"LS1", "LS6", "LS8", "LS11"};
constexpr sv kSheffield[] = {"S1", "S7", "S10", "S11"};
constexpr sv kNottingham[] = {"NG1", "NG5", "NG7"};
constexpr sv kLeicester[] = {"LE1", "LE2", "LE4"};
constexpr sv kBristol[] = {"BS1", "BS3", "BS6", "BS7"};
constexpr sv kReading[] = {"RG1", "RG2", "RG30"};
constexpr sv kLiverpool[] = {"L1", "L8", "L15", "L17"};
constexpr sv kEdinburgh[] = {"EH1", "EH6", "EH10", "EH11"};
constexpr sv kGlasgow[] = {"G1", "G3", "G12", "G41"};
constexpr sv kCardiff[] = {"CF10", "CF11", "CF14", "CF24"};
constexpr sv kBelfast[] = {"BT1", "BT7", "BT9", "BT15"};

constexpr UkPlace kUkPlaces[] = {
    {"London", "Greater London", "GB-ENG", kLondon, "+442079460"},
    {"Manchester", "Greater Manchester", "GB-ENG", kManchester, "+441614960"},
    {"Birmingham", "West Midlands", "GB-ENG", kBirmingham, "+441214960"},
    {"Leeds", "West Yorkshire", "GB-ENG", kLeeds, "+441134960"},
    {"Sheffield", "South Yorkshire", "GB-ENG", kSheffield, "+441144960"},
    {"Nottingham", "Nottinghamshire", "GB-ENG", kNottingham, "+441154960"},
    {"Leicester", "Leicestershire", "GB-ENG", kLeicester, "+441164960"},
    {"Bristol", "Bristol", "GB-ENG", kBristol, "+441174960"},
    {"Reading", "Berkshire", "GB-ENG", kReading, "+441184960"},
    {"Liverpool", "Merseyside", "GB-ENG", kLiverpool, "+441514960"},
    {"Edinburgh", "City of Edinburgh", "GB-SCT", kEdinburgh, "+441314960"},
    {"Glasgow", "Glasgow City", "GB-SCT", kGlasgow, "+441414960"},
    {"Cardiff", "Cardiff", "GB-WLS", kCardiff, "+442920180"},
    {"Belfast", "County Antrim", "GB-NIR", kBelfast, "+442890180"},
};

constexpr sv kUkGiven[] = {
    "Oliver", "Amelia", "Harry",    "Isla",  "George", "Olivia", "Jack",   "Emily",   "Charlie", "Sophie",
    "Thomas", "Grace",  "Mohammed", "Aisha", "Callum", "Eilidh", "Rhys",   "Siobhan", "Ewan",    "Niamh",
    "Alfie",  "Poppy",  "Arjun",    "Priya", "Declan", "Bethan", "Hamish", "Fiona",   "Liam",    "Chloe",
};

constexpr sv kUkFamily[] = {
    "Smith",   "Jones",   "Williams", "Taylor", "Brown",  "Davies",    "Evans",    "Wilson",
    "Thomas",  "Roberts", "Johnson",  "Walker", "Wright", "Robinson",  "Thompson", "White",
    "Hughes",  "Edwards", "Green",    "Patel",  "Khan",   "MacDonald", "Campbell", "Stewart",
    "O'Neill", "Murray",  "Lloyd",    "Morgan", "Begum",  "Ahmed",
};

constexpr sv kUkStreets[] = {
    "High Street", "Station Road",     "Church Lane", "Victoria Road", "Green Lane",   "Manor Road",
    "Park Road",   "Queen Street",     "King's Road", "Mill Lane",     "The Crescent", "Albert Road",
    "London Road", "Springfield Road", "Grange Road", "Windsor Close", "Orchard Way",  "New Street",
};

// [SECTION] France ----------------------------------------------------------------------------------------------------

constexpr FrPlace kFrPlaces[] = {
    {"Paris", "75", "75001", 20, "+3319900"},        {"Boulogne-Billancourt", "92", "92100", 0, "+3319900"},
    {"Versailles", "78", "78000", 0, "+3319900"},    {"Saint-Denis", "93", "93200", 0, "+3319900"},
    {"Nantes", "44", "44000", 0, "+3326191"},        {"Rennes", "35", "35000", 0, "+3326191"},
    {"Rouen", "76", "76000", 0, "+3326191"},         {"Caen", "14", "14000", 0, "+3326191"},
    {"Lille", "59", "59000", 0, "+3335301"},         {"Strasbourg", "67", "67000", 0, "+3335301"},
    {"Reims", "51", "51100", 0, "+3335301"},         {"Metz", "57", "57000", 0, "+3335301"},
    {"Dijon", "21", "21000", 0, "+3335301"},         {"Lyon", "69", "69001", 9, "+3346571"},
    {"Marseille", "13", "13001", 16, "+3346571"},    {"Nice", "06", "06000", 0, "+3346571"},
    {"Montpellier", "34", "34000", 0, "+3346571"},   {"Grenoble", "38", "38000", 0, "+3346571"},
    {"Saint-Étienne", "42", "42000", 0, "+3346571"}, {"Ajaccio", "2A", "20000", 0, "+3346571"},
    {"Toulouse", "31", "31000", 0, "+3353649"},      {"Bordeaux", "33", "33000", 0, "+3353649"},
    {"Limoges", "87", "87000", 0, "+3353649"},       {"Pau", "64", "64000", 0, "+3353649"},
};

constexpr sv kFrGiven[] = {
    "Camille", "Léa",      "Chloé",  "Manon",  "Louis",    "Hugo",      "Lucas",     "Jules",
    "Théo",    "Élodie",   "Zoé",    "Mathéo", "Inès",     "Noé",       "Françoise", "Jérôme",
    "Hélène",  "Stéphane", "Amélie", "Gaël",   "Nathalie", "Sébastien", "Aurélie",   "Karim",
    "Yasmine", "Mamadou",  "Aïcha",  "Pierre", "Sophie",   "Julien",
};

constexpr sv kFrFamily[] = {
    "Martin",   "Bernard", "Dubois", "Thomas",  "Robert",  "Richard", "Petit",  "Durand",
    "Leroy",    "Moreau",  "Simon",  "Laurent", "Lefèvre", "Michel",  "Garcia", "Fournier",
    "Rousseau", "Girard",  "Bonnet", "Mercier", "Faure",   "Lambert", "Benoît", "Chevalier",
    "Gauthier", "Ménard",  "Diallo", "Benali",  "Nguyen",  "Le Goff",
};

constexpr sv kFrStreets[] = {
    "rue de la République", "avenue Jean Jaurès", "boulevard Victor Hugo", "place de la Mairie",
    "rue Pasteur",          "rue des Lilas",      "rue de l'Église",       "allée des Châtaigniers",
    "avenue de la Gare",    "rue Voltaire",       "boulevard Gambetta",    "rue du Moulin",
    "chemin des Vignes",    "rue Émile Zola",     "quai de la Loire",      "impasse des Tilleuls",
};

}  // namespace

std::span<const UsPlace> us_places() {
  return kUsPlaces;
}
std::span<const UkPlace> uk_places() {
  return kUkPlaces;
}
std::span<const FrPlace> fr_places() {
  return kFrPlaces;
}

NameTables us_names() {
  return {kUsGiven, kUsFamily, kUsStreets};
}
NameTables uk_names() {
  return {kUkGiven, kUkFamily, kUkStreets};
}
NameTables fr_names() {
  return {kFrGiven, kFrFamily, kFrStreets};
}

}  // namespace parley::demo_data
