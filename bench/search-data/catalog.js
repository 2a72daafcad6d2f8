"use strict"
// Deterministic synthetic multi-language catalog for product-search evaluation.
// generateCatalog({ products = 20000, seed = 42 }) -> Product[]
// One third of products per language (es / pt / en, assigned round-robin).
// Titles are built from type + style + adjective + material/ingredient/origin +
// brand, so there are hundreds of near-duplicates per product type.

function mulberry32(seed) {
  let a = seed >>> 0
  return function () {
    a = (a + 0x6d2b79f5) | 0
    let t = Math.imul(a ^ (a >>> 15), 1 | a)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const LANGS = ["es", "pt", "en"]
const LI = { es: 0, pt: 1, en: 2 }

// "es|pt|en" (or a single string used by all three) -> [es, pt, en]
const tri = (s) => {
  const p = s.split("|")
  return p.length === 1 ? [p[0], p[0], p[0]] : p
}
const L = (...xs) => xs.map(tri)

// ---------------------------------------------------------------- option pools
const COLORS = L(
  "Blanco|Branco|White", "Negro|Preto|Black", "Gris|Cinza|Grey", "Gris jaspeado|Cinza mescla|Heather Grey",
  "Azul marino|Azul-marinho|Navy", "Azul|Azul|Blue", "Celeste|Azul claro|Sky Blue", "Rojo|Vermelho|Red",
  "Burdeos|Vinho|Burgundy", "Verde|Verde|Green", "Verde oliva|Verde militar|Olive", "Beige|Bege|Beige",
  "Arena|Areia|Sand", "Rosa|Rosa|Pink", "Amarillo|Amarelo|Yellow", "Mostaza|Mostarda|Mustard",
  "Marrón|Marrom|Brown", "Lila|Lilás|Lilac", "Naranja|Laranja|Orange", "Crudo|Off-white|Ecru"
)
const BASIC_COLORS = L("Negro|Preto|Black", "Blanco|Branco|White", "Gris|Cinza|Grey", "Azul|Azul|Blue", "Rosa|Rosa|Pink", "Verde|Verde|Green")
const DENIM_COLORS = L(
  "Azul claro|Azul claro|Light Wash", "Azul medio|Azul médio|Medium Wash", "Azul oscuro|Azul escuro|Dark Wash",
  "Negro|Preto|Black", "Gris|Cinza|Grey", "Blanco|Branco|White"
)
const LAMP_FINISH = L(
  "Negro mate|Preto fosco|Matte Black", "Blanco|Branco|White", "Latón|Latão|Brass", "Madera natural|Madeira natural|Natural Wood",
  "Cromo|Cromado|Chrome", "Verde salvia|Verde sálvia|Sage Green", "Terracota|Terracota|Terracotta"
)
const SIZES = L("XS|PP|XS", "S|P|S", "M|M|M", "L|G|L", "XL|GG|XL", "XXL|XGG|XXL")
const SHOE = ["36", "37", "38", "39", "40", "41", "42", "43", "44", "45"].map(tri)
const WAIST = L("36|36|28", "38|38|29", "40|40|30", "42|42|31", "44|44|32", "46|46|33", "48|48|34", "50|50|36")
const PHONES = L(
  "iPhone 15", "iPhone 15 Pro", "iPhone 15 Pro Max", "iPhone 14", "iPhone 14 Pro", "iPhone 13", "iPhone 16",
  "iPhone 16 Pro", "Galaxy S24", "Galaxy S24 Ultra", "Galaxy S23", "Galaxy A54", "Galaxy A15", "Pixel 8",
  "Redmi Note 13", "Moto G84"
)

const O = {
  size: { title: tri("Talla|Tamanho|Size"), values: SIZES, min: 3, max: 6, contiguous: true },
  shoe: { title: tri("Talla|Tamanho|Size"), values: SHOE, min: 4, max: 8, contiguous: true },
  waist: { title: tri("Talla|Tamanho|Size"), values: WAIST, min: 3, max: 6, contiguous: true },
  sock: { title: tri("Talla|Tamanho|Size"), values: L("35-38", "39-42", "43-46"), min: 1, max: 3, contiguous: true },
  color: { title: tri("Color|Cor|Color"), values: COLORS, min: 1, max: 3 },
  colorWide: { title: tri("Color|Cor|Color"), values: COLORS, min: 1, max: 5 },
  basicColor: { title: tri("Color|Cor|Color"), values: BASIC_COLORS, min: 1, max: 3 },
  denim: { title: tri("Color|Cor|Color"), values: DENIM_COLORS, min: 1, max: 3 },
  fit: { title: tri("Corte|Modelagem|Fit"), values: L("Hombre|Masculina|Men", "Mujer|Feminina|Women"), min: 1, max: 2, p: 0.1 },
  sleeve: { title: tri("Manga|Manga|Sleeve"), values: L("Corta|Curta|Short", "Larga|Longa|Long"), min: 2, max: 2, p: 0.15 },
  mugCap: { title: tri("Capacidad|Capacidade|Capacity"), values: L("250 ml", "350 ml", "450 ml"), min: 1, max: 2 },
  cushion: { title: tri("Tamaño|Tamanho|Size"), values: L("40 x 40 cm", "45 x 45 cm", "50 x 50 cm", "30 x 50 cm"), min: 1, max: 2 },
  pillowSize: { title: tri("Tamaño|Tamanho|Size"), values: L("70 cm|50 x 70 cm|Standard", "90 cm|60 x 80 cm|Queen", "135 cm|70 x 90 cm|King"), min: 1, max: 3, contiguous: true },
  firmness: { title: tri("Firmeza|Firmeza|Firmness"), values: L("Suave|Macio|Soft", "Media|Médio|Medium", "Firme|Firme|Firm"), min: 1, max: 3, p: 0.6 },
  towel: { title: tri("Tamaño|Tamanho|Size"), values: L("Lavabo|Rosto|Hand", "Baño|Banho|Bath", "Ducha|Banhão|Bath Sheet", "Playa|Praia|Beach"), min: 1, max: 3 },
  bed: { title: tri("Medida|Tamanho|Size"), values: L("90 cm|Solteiro|Twin", "135 cm|Casal|Full", "150 cm|Queen|Queen", "180 cm|King|King"), min: 1, max: 4, contiguous: true },
  finish: { title: tri("Acabado|Acabamento|Finish"), values: LAMP_FINISH, min: 1, max: 3 },
  scent: {
    title: tri("Aroma|Aroma|Scent"),
    values: L("Vainilla|Baunilha|Vanilla", "Lavanda|Lavanda|Lavender", "Sándalo|Sândalo|Sandalwood", "Higo|Figo|Fig", "Coco|Coco|Coconut", "Canela|Canela|Cinnamon", "Jazmín|Jasmim|Jasmine", "Cítricos|Cítricos|Citrus"),
    min: 1, max: 4,
  },
  candleSize: { title: tri("Tamaño|Tamanho|Size"), values: L("180 g", "320 g"), min: 1, max: 2, p: 0.5 },
  shampooVol: { title: tri("Tamaño|Tamanho|Size"), values: L("250 ml", "400 ml", "1 L"), min: 1, max: 3 },
  creamVol: { title: tri("Tamaño|Tamanho|Size"), values: L("30 ml", "50 ml"), min: 1, max: 2 },
  serumVol: { title: tri("Tamaño|Tamanho|Size"), values: L("15 ml", "30 ml"), min: 1, max: 2 },
  perfumeVol: { title: tri("Tamaño|Tamanho|Size"), values: L("30 ml", "50 ml", "100 ml"), min: 1, max: 3 },
  skin: { title: tri("Tipo de piel|Tipo de pele|Skin type"), values: L("Normal|Normal|Normal", "Seca|Seca|Dry", "Grasa|Oleosa|Oily", "Mixta|Mista|Combination"), min: 1, max: 4, p: 0.5 },
  shade: {
    title: tri("Tono|Cor|Shade"),
    values: L("Rojo clásico|Vermelho clássico|Classic Red", "Nude|Nude|Nude", "Rosa palo|Rosa queimado|Dusty Rose", "Coral|Coral|Coral", "Vino|Vinho|Wine", "Malva|Malva|Mauve", "Terracota|Terracota|Terracotta", "Fucsia|Pink|Fuchsia"),
    min: 1, max: 6,
  },
  length: { title: tri("Longitud|Comprimento|Length"), values: L("0,5 m|0,5 m|0.5 m", "1 m", "2 m", "3 m"), min: 1, max: 3 },
  power: { title: tri("Potencia|Potência|Power"), values: L("20 W", "30 W", "45 W", "65 W"), min: 1, max: 3 },
  phone: { title: tri("Modelo|Modelo|Model"), values: PHONES, min: 2, max: 8 },
  bank: { title: tri("Capacidad|Capacidade|Capacity"), values: L("5000 mAh", "10000 mAh", "20000 mAh"), min: 1, max: 3 },
  weight: { title: tri("Peso|Peso|Weight"), values: L("250 g", "500 g", "1 kg"), min: 1, max: 3 },
  weightSmall: { title: tri("Peso|Peso|Weight"), values: L("250 g", "500 g"), min: 1, max: 2 },
  grind: {
    title: tri("Molienda|Moagem|Grind"),
    values: L("Espresso|Espresso|Espresso", "Filtro|Coado|Filter", "Prensa francesa|Prensa francesa|French Press", "Moka|Moka|Moka Pot"),
    min: 1, max: 4,
  },
  teaFormat: { title: tri("Formato|Formato|Format"), values: L("20 bolsitas|20 sachês|20 tea bags", "Hebras 100 g|Folhas 100 g|Loose leaf 100 g"), min: 1, max: 2 },
  chocoWeight: { title: tri("Peso|Peso|Weight"), values: L("80 g", "100 g", "200 g"), min: 1, max: 2 },
  oil: { title: tri("Volumen|Volume|Volume"), values: L("250 ml", "500 ml", "1 L", "5 L"), min: 1, max: 3 },
}

// ---------------------------------------------------------------- word pools
const APPAREL_ADJ = L(
  "Básico|Básico|Basic", "Clásico|Clássico|Classic", "Esencial|Essencial|Essential", "Oversize|Oversized|Oversized",
  "Slim Fit|Slim|Slim Fit", "Regular Fit|Regular|Regular Fit", "Vintage", "Deportivo|Esportivo|Athletic",
  "Urbano|Urbano|Urban", "Premium", "Ligero|Leve|Lightweight", "Suave|Macio|Soft", "Estampado|Estampado|Graphic",
  "Liso|Liso|Plain", "Relaxed", "Boxy", "Lavado|Lavado|Washed"
)
const T = {
  cotton: "de Algodón|de Algodão|Cotton",
  organic: "de Algodón Orgánico|de Algodão Orgânico|Organic Cotton",
  pima: "de Algodón Pima|de Algodão Pima|Pima Cotton",
  linen: "de Lino|de Linho|Linen",
  linenCotton: "de Lino y Algodón|de Linho e Algodão|Linen-Cotton",
  recycled: "de Poliéster Reciclado|de Poliéster Reciclado|Recycled Polyester",
  merino: "de Lana Merino|de Lã Merino|Merino Wool",
  modal: "de Modal|de Modal|Modal",
  bamboo: "de Bambú|de Bambu|Bamboo",
  viscose: "de Viscosa|de Viscose|Viscose",
  pique: "de Piqué|de Piquet|Piqué",
  satin: "de Satén|de Cetim|Satin",
  knit: "de Punto|de Tricô|Knit",
  flannel: "de Franela|de Flanela|Flannel",
  corduroy: "de Pana|de Veludo Cotelê|Corduroy",
  twill: "de Sarga|de Sarja|Twill",
  leather: "de Cuero|de Couro|Leather",
  nylon: "de Nailon|de Nylon|Nylon",
  wool: "de Lana|de Lã|Wool",
  denim: "de Denim|de Denim|Denim",
  canvas: "de Lona|de Lona|Canvas",
}
const M = (...keys) => keys.map((k) => tri(T[k] || k))

const HOME_ADJ = L(
  "Nórdico|Nórdico|Nordic", "Rústico|Rústico|Rustic", "Minimalista|Minimalista|Minimalist", "Moderno|Moderno|Modern",
  "Artesanal|Artesanal|Handmade", "Clásico|Clássico|Classic", "Vintage", "Escandinavo|Escandinavo|Scandinavian",
  "Mediterráneo|Mediterrâneo|Mediterranean", "Bohemio|Boho|Boho", "Elegante|Elegante|Elegant"
)
const BEAUTY_ADJ = L(
  "Hidratante|Hidratante|Hydrating", "Nutritivo|Nutritivo|Nourishing", "Reparador|Reparador|Repairing",
  "Calmante|Calmante|Soothing", "Iluminador|Iluminador|Brightening", "Purificante|Purificante|Purifying",
  "Suave|Suave|Gentle", "Intensivo|Intensivo|Intensive", "Natural|Natural|Natural", "Vegano|Vegano|Vegan",
  "Antiedad|Anti-idade|Anti-Aging"
)
const SKIN_ING = L(
  "con Ácido Hialurónico|com Ácido Hialurônico|Hyaluronic Acid", "con Vitamina C|com Vitamina C|Vitamin C",
  "con Niacinamida|com Niacinamida|Niacinamide", "con Rosa Mosqueta|com Rosa Mosqueta|Rosehip", "con Retinol|com Retinol|Retinol",
  "con Karité|com Karité|Shea Butter", "con Colágeno|com Colágeno|Collagen", "con Aloe Vera|com Aloe Vera|Aloe Vera"
)
const ELEC_ADJ = L(
  "Rápido|Rápido|Fast", "Reforzado|Reforçado|Reinforced", "Compacto|Compacto|Compact", "Ultra", "Pro", "Slim",
  "Resistente|Resistente|Durable", "Premium", "Plus", "Max"
)
const CASE_ADJ = L(
  "Ultrafino|Ultrafino|Ultra-Thin", "Reforzado|Reforçado|Reinforced", "Mate|Fosco|Matte", "Premium", "Slim",
  "Antideslizante|Antiderrapante|Grip", "Minimalista|Minimalista|Minimalist", "Pro"
)
const ORIGINS = L(
  "de Colombia|da Colômbia|Colombian", "de Etiopía|da Etiópia|Ethiopian", "de Brasil|do Brasil|Brazilian",
  "de Guatemala|da Guatemala|Guatemalan", "de Honduras|de Honduras|Honduran", "de Kenia|do Quênia|Kenyan",
  "de Perú|do Peru|Peruvian", "de Costa Rica|da Costa Rica|Costa Rican", "de Sumatra|de Sumatra|Sumatra"
)
const COFFEE_ADJ = L(
  "Intenso|Intenso|Bold", "Suave|Suave|Smooth", "Orgánico|Orgânico|Organic", "Tueste Medio|Torra Média|Medium Roast",
  "Tueste Oscuro|Torra Escura|Dark Roast", "Descafeinado|Descafeinado|Decaf", "Especial|Especial|Specialty", "Premium"
)

// ---------------------------------------------------------------- brands
const BRANDS = {
  apparel: [
    "Nórdika", "Alba", "Brisa", "Solano", "Marea", "Kaia", "Terra", "Bruma", "Duna", "Cumbre", "Vento", "Índigo",
    "Aurora", "Selva", "Lago", "Piedra", "Raíz", "Norte", "Costa", "Mistral", "Olmo", "Sierra", "Tramontana", "Zafiro",
    "Oporto", "Ébano", "Kumo", "Lúcida",
  ],
  home: [
    "Nido", "Lúa", "Olmo Home", "Kasa", "Alma", "Calma", "Tinta", "Brasa", "Arcilla", "Musgo", "Lienzo", "Faro",
    "Ático", "Patio", "Mimbre", "Quieto", "Sereno", "Hygge Lab", "Albor", "Cántaro",
  ],
  beauty: [
    "Lumé", "Botánica Pura", "Aqua Flor", "Dermia", "Nácar", "Rosé", "Verbena", "Pétalo", "Oasis", "Mimosa", "Naia",
    "Kéra", "Sol de Agua", "Bálsamo", "Iris Lab", "Ninfa",
  ],
  electronics: [
    "Voltix", "Nexo", "Kable", "Amperia", "Fluxo", "Ondo", "Pulsar", "Vértice", "Zentro", "Klik", "Órbita", "Rayo",
    "Conecta", "Ion", "Cirrus", "Nodo",
  ],
  // food brands are specialised per product type
  coffee: ["Tostadero Sur", "Finca Alta", "Cafetal", "Montebello", "Grano de Oro", "Molino Viejo", "Monte Azul", "Tierra Negra", "Aroma Andino", "Valle Sagrado", "Cerro Verde", "Bruma Café"],
  tea: ["Hoja Verde", "Aroma Andino", "Valle Sagrado", "Monte Azul", "Tetera Azul", "Jardín de Té"],
  chocolate: ["Cacao Vivo", "La Alquería", "Montebello", "Tierra Negra", "Cacao Norte", "Dulce Origen"],
  oil: ["Olivar del Sol", "La Alquería", "Molino Viejo", "Montebello", "Finca Alta", "Oro de Jaén"],
  honey: ["Colmena Real", "La Alquería", "Valle Sagrado", "Finca Alta", "Monte Azul", "Abeja Serrana"],
}

// ---------------------------------------------------------------- product types
// name: [es, pt, en]; g: grammatical gender of the es/pt noun (m, f, mp, fp);
// sub: styles placed after the noun in es/pt and before it in en; subP: chance of a style.
const TYPES = [
  // apparel
  { key: "tshirt", code: "TS", group: "apparel", w: 14, name: tri("Camiseta|Camiseta|T-Shirt"), g: ["f", "f"], cat: tri("Camisetas|Camisetas|T-Shirts"),
    sub: L("Manga Larga|Manga Longa|Long Sleeve", "Cuello V|Gola V|V-Neck", "Cuello Redondo|Gola Careca|Crew Neck", "Tirantes|Regata|Tank"), subP: 0.35,
    adj: APPAREL_ADJ, mat: M("cotton", "organic", "pima", "linen", "linenCotton", "recycled", "merino", "modal", "bamboo", "viscose", "pique"),
    opts: ["size", "color", "fit"] },
  { key: "hoodie", code: "HD", group: "apparel", w: 6, name: tri("Sudadera|Moletom|Hoodie"), g: ["f", "m"], cat: tri("Sudaderas|Moletons|Hoodies & Sweatshirts"),
    sub: L("con Capucha|com Capuz|Pullover", "con Cremallera|com Zíper|Zip-Up", "Cuello Redondo|Careca|Crewneck"), subP: 0.6,
    adj: APPAREL_ADJ, mat: M("cotton", "organic", "de Felpa|Flanelado|Fleece", "recycled", "de Algodón Perchado|Peluciado|Brushed Cotton"),
    opts: ["size", "color"] },
  { key: "jeans", code: "JN", group: "apparel", w: 5, name: tri("Jeans|Calça Jeans|Jeans"), g: ["mp", "f"], cat: tri("Jeans|Calças Jeans|Jeans"),
    sub: L("Skinny", "Rectos|Reta|Straight", "Mom", "Wide Leg|Wide Leg|Wide-Leg", "Slim|Slim|Slim", "Bootcut"), subP: 0.8,
    adj: L("Clásico|Clássico|Classic", "Vintage", "Esencial|Essencial|Essential", "Premium", "Lavado|Lavado|Washed", "Desgastado|Destroyed|Distressed", "de Tiro Alto|Cintura Alta|High-Rise"),
    mat: M("de Denim Elástico|de Denim com Elastano|Stretch Denim", "de Denim Rígido|de Denim Rígido|Rigid Denim", "organic", "de Denim Reciclado|de Denim Reciclado|Recycled Denim"),
    opts: ["waist", "denim"] },
  { key: "dress", code: "DR", group: "apparel", w: 5, name: tri("Vestido|Vestido|Dress"), g: ["m", "m"], cat: tri("Vestidos|Vestidos|Dresses"),
    sub: L("Midi", "Largo|Longo|Maxi", "Corto|Curto|Mini", "Camisero|Chemise|Shirt", "Cruzado|Transpassado|Wrap"), subP: 0.8,
    adj: L("Floral", "Estampado|Estampado|Printed", "Liso|Liso|Plain", "Elegante|Elegante|Elegant", "Fluido|Fluido|Flowy", "Básico|Básico|Basic", "Plisado|Plissado|Pleated", "Vintage"),
    mat: M("linen", "cotton", "satin", "viscose", "knit", "organic"),
    opts: ["size", "color"] },
  { key: "sneakers", code: "SN", group: "apparel", w: 6, name: tri("Zapatillas|Tênis|Sneakers"), g: ["fp", "m"], cat: tri("Zapatillas|Tênis|Sneakers"),
    sub: L("Running|de Corrida|Running", "de Caña Alta|Cano Alto|High-Top", "Slip-On", "de Skate|de Skate|Skate"), subP: 0.45,
    adj: L("Clásico|Clássico|Classic", "Urbano|Urbano|Street", "Minimalista|Minimalista|Minimalist", "Retro|Retrô|Retro", "Ligero|Leve|Lightweight", "Casual", "Deportivo|Esportivo|Athletic", "Vegano|Vegano|Vegan", "Trail"),
    mat: M("leather", "canvas", "de Malla|de Malha|Mesh", "de Ante|de Camurça|Suede", "de Cuero Vegano|de Couro Vegano|Vegan Leather", "knit"),
    opts: ["shoe", "color"] },
  { key: "shirt", code: "SH", group: "apparel", w: 5, name: tri("Camisa|Camisa|Shirt"), g: ["f", "f"], cat: tri("Camisas|Camisas|Shirts"),
    sub: L("Manga Corta|Manga Curta|Short Sleeve", "Oxford", "Cuello Mao|Gola Padre|Mandarin Collar", "de Cuadros|Xadrez|Plaid"), subP: 0.4,
    adj: APPAREL_ADJ.filter((a) => !["Boxy", "Estampado"].includes(a[0])), mat: M("linen", "cotton", "linenCotton", "organic", "flannel", "viscose", "denim", "pima"),
    opts: ["size", "color"] },
  { key: "jacket", code: "JK", group: "apparel", w: 3, name: tri("Chaqueta|Jaqueta|Jacket"), g: ["f", "f"], cat: tri("Chaquetas|Jaquetas|Jackets"),
    sub: L("Vaquera|Jeans|Denim", "Acolchada|Puffer|Puffer", "Cortavientos|Corta-Vento|Windbreaker", "Bomber", "Impermeable|Impermeável|Rain"), subP: 0.7,
    adj: L("Clásico|Clássico|Classic", "Urbano|Urbano|Urban", "Ligero|Leve|Lightweight", "Premium", "Vintage", "Oversize|Oversized|Oversized", "Térmico|Térmico|Thermal"),
    mat: M("nylon", "leather", "corduroy", "denim", "recycled", "wool"),
    opts: ["size", "color"] },
  { key: "pajama", code: "PJ", group: "apparel", w: 2, name: tri("Pijama|Pijama|Pajama Set"), g: ["m", "m"], cat: tri("Pijamas|Pijamas|Sleepwear"),
    sub: L("Corto|Curto|Short", "Largo|Longo|Long"), subP: 0.6,
    adj: L("Clásico|Clássico|Classic", "Estampado|Estampado|Printed", "Suave|Macio|Soft", "Térmico|Térmico|Thermal", "Liso|Liso|Plain", "de Rayas|Listrado|Striped"),
    mat: M("cotton", "flannel", "satin", "modal", "knit", "bamboo"),
    opts: ["size", "color", "sleeve"] },
  { key: "pants", code: "PT", group: "apparel", w: 3, name: tri("Pantalón|Calça|Pants"), g: ["m", "f"], cat: tri("Pantalones|Calças|Pants"),
    sub: L("Chino", "Jogger", "Cargo", "de Pinzas|Alfaiataria|Pleated", "Palazzo"), subP: 0.75,
    adj: L("Clásico|Clássico|Classic", "Slim Fit|Slim|Slim Fit", "Relaxed", "Urbano|Urbano|Urban", "Ligero|Leve|Lightweight", "Esencial|Essencial|Essential", "Premium"),
    mat: M("twill", "linen", "cotton", "corduroy", "de Felpa|de Moletom|Fleece", "organic"),
    opts: ["size", "color"] },
  { key: "socks", code: "SK", group: "apparel", w: 2, name: tri("Calcetines|Meias|Socks"), g: ["mp", "fp"], cat: tri("Calcetines|Meias|Socks"),
    sub: L("Tobilleros|Cano Curto|Ankle", "Invisibles|Invisíveis|No-Show", "Altos|Cano Alto|Crew", "Pack de 3|Kit com 3|3-Pack"), subP: 0.6,
    adj: L("Deportivo|Esportivo|Athletic", "Térmico|Térmico|Thermal", "Clásico|Clássico|Classic", "Estampado|Estampado|Patterned", "Básico|Básico|Basic"),
    mat: M("cotton", "bamboo", "merino", "organic"),
    opts: ["sock", "basicColor"] },
  { key: "cap", code: "CP", group: "apparel", w: 2, name: tri("Gorra|Boné|Cap"), g: ["f", "m"], cat: tri("Gorras|Bonés|Caps & Hats"),
    sub: L("Trucker", "Snapback", "de Béisbol|Aba Curva|Baseball"), subP: 0.6,
    adj: L("Clásico|Clássico|Classic", "Vintage", "Urbano|Urbano|Street", "Bordado|Bordado|Embroidered", "Lavado|Lavado|Washed"),
    mat: M("cotton", "corduroy", "canvas", "recycled"),
    opts: ["colorWide"] },
  // home
  { key: "mug", code: "MG", group: "home", w: 5, name: tri("Taza|Caneca|Mug"), g: ["f", "f"], cat: tri("Tazas|Canecas|Mugs"),
    sub: L("de Café|de Café|Coffee", "Térmica|Térmica|Travel", "de Desayuno|de Chá|Tea"), subP: 0.35,
    adj: HOME_ADJ.concat(L("Esmaltado|Esmaltado|Glazed", "Pintado a Mano|Pintado à Mão|Hand-Painted")),
    mat: M("de Cerámica|de Cerâmica|Ceramic", "de Porcelana|de Porcelana|Porcelain", "de Gres|de Grés|Stoneware", "de Vidrio|de Vidro|Glass", "de Acero Esmaltado|de Ágata|Enamel"),
    opts: ["color", "mugCap"] },
  { key: "cushion", code: "CU", group: "home", w: 3, name: tri("Cojín|Almofada|Cushion"), g: ["m", "f"], cat: tri("Cojines|Almofadas|Cushions"),
    sub: null, adj: HOME_ADJ,
    mat: M("de Terciopelo|de Veludo|Velvet", "linen", "cotton", "de Bouclé|de Bouclé|Bouclé", "corduroy", "de Yute|de Juta|Jute"),
    opts: ["cushion", "color"] },
  { key: "pillow", code: "PW", group: "home", w: 2, name: tri("Almohada|Travesseiro|Pillow"), g: ["f", "m"], cat: tri("Almohadas|Travesseiros|Pillows"),
    sub: L("Cervical", "Antiácaros|Antiácaro|Hypoallergenic"), subP: 0.3,
    adj: L("Ergonómico|Ergonômico|Ergonomic", "Premium", "Suave|Macio|Soft", "Fresco|Fresco|Cooling", "Hotel"),
    mat: M("de Viscoelástica|de Espuma Viscoelástica|Memory Foam", "de Látex|de Látex|Latex", "de Fibra|de Fibra Siliconada|Microfiber", "de Plumón|de Pluma de Ganso|Down", "bamboo"),
    opts: ["pillowSize", "firmness"] },
  { key: "lamp", code: "LP", group: "home", w: 2, name: tri("Lámpara|Luminária|Lamp"), g: ["f", "f"], cat: tri("Iluminación|Iluminação|Lighting"),
    sub: L("de Mesa|de Mesa|Table", "de Pie|de Chão|Floor", "Colgante|Pendente|Pendant", "de Escritorio|de Escrivaninha|Desk"), subP: 0.85,
    adj: HOME_ADJ.concat(L("Regulable|Dimerizável|Dimmable", "LED")),
    mat: M("de Madera|de Madeira|Wooden", "de Metal|de Metal|Metal", "de Latón|de Latão|Brass", "de Cerámica|de Cerâmica|Ceramic", "de Ratán|de Rattan|Rattan", "de Vidrio|de Vidro|Glass"),
    opts: ["finish"] },
  { key: "towel", code: "TW", group: "home", w: 3, name: tri("Toalla|Toalha|Towel"), g: ["f", "f"], cat: tri("Toallas|Toalhas|Towels"),
    sub: null,
    adj: L("Suave|Macio|Soft", "Absorbente|Absorvente|Absorbent", "Premium", "Hotel", "Esencial|Essencial|Essential", "Rizado|Felpudo|Plush", "de Secado Rápido|Secagem Rápida|Quick-Dry"),
    mat: M("de Algodón Egipcio|de Algodão Egípcio|Egyptian Cotton", "cotton", "de Microfibra|de Microfibra|Microfiber", "bamboo", "de Algodón Turco|de Algodão Turco|Turkish Cotton", "linen"),
    opts: ["towel", "color"] },
  { key: "sheets", code: "BS", group: "home", w: 2, name: tri("Juego de Sábanas|Jogo de Lençol|Sheet Set"), g: ["m", "m"], cat: tri("Ropa de Cama|Cama|Bedding"),
    sub: null, adj: L("Clásico|Clássico|Classic", "Premium", "Hotel", "Suave|Macio|Soft", "Liso|Liso|Plain", "Estampado|Estampado|Printed", "Nórdico|Nórdico|Nordic"),
    mat: M("de Percal|de Percal|Percale", "de Satén de Algodón|de Cetim de Algodão|Cotton Sateen", "linen", "flannel", "de Microfibra|de Microfibra|Microfiber", "bamboo"),
    opts: ["bed", "color"] },
  { key: "candle", code: "CD", group: "home", w: 2, name: tri("Vela Aromática|Vela Aromática|Scented Candle"), g: ["f", "f"], cat: tri("Velas|Velas|Candles"),
    sub: null, adj: HOME_ADJ,
    mat: M("de Cera de Soja|de Cera de Soja|Soy Wax", "de Cera de Abeja|de Cera de Abelha|Beeswax", "de Cera Vegetal|de Cera Vegetal|Plant Wax"),
    opts: ["scent", "candleSize"] },
  // beauty
  { key: "shampoo", code: "SP", group: "beauty", w: 2, name: tri("Champú|Shampoo|Shampoo"), g: ["m", "m"], cat: tri("Cuidado del Cabello|Cabelos|Hair Care"),
    sub: L("Sólido|Sólido|Solid", "Anticaspa|Anticaspa|Anti-Dandruff"), subP: 0.2, adj: BEAUTY_ADJ,
    mat: L("con Argán|com Argan|Argan", "con Aloe Vera|com Aloe Vera|Aloe Vera", "con Coco|com Coco|Coconut", "con Keratina|com Queratina|Keratin", "con Romero|com Alecrim|Rosemary", "con Ortiga|com Urtiga|Nettle", "con Biotina|com Biotina|Biotin"),
    opts: ["shampooVol"] },
  { key: "cream", code: "FC", group: "beauty", w: 2, name: tri("Crema Facial|Creme Facial|Face Cream"), g: ["f", "m"], cat: tri("Cuidado Facial|Skincare|Skincare"),
    sub: L("de Día|Diurno|Day", "de Noche|Noturno|Night"), subP: 0.4, adj: BEAUTY_ADJ, mat: SKIN_ING, opts: ["creamVol", "skin"] },
  { key: "lipstick", code: "LS", group: "beauty", w: 2, name: tri("Labial|Batom|Lipstick"), g: ["m", "m"], cat: tri("Maquillaje|Maquiagem|Makeup"),
    sub: L("Líquido|Líquido|Liquid", "en Barra|em Bastão|Bullet"), subP: 0.4,
    adj: L("Mate|Matte|Matte", "Cremoso|Cremoso|Creamy", "Hidratante|Hidratante|Hydrating", "Larga Duración|Longa Duração|Long-Lasting", "Satinado|Acetinado|Satin", "Vegano|Vegano|Vegan"),
    mat: L("con Karité|com Karité|Shea Butter", "con Aceite de Jojoba|com Óleo de Jojoba|Jojoba Oil", "con Vitamina E|com Vitamina E|Vitamin E", "con Ácido Hialurónico|com Ácido Hialurônico|Hyaluronic Acid"),
    opts: ["shade"] },
  { key: "perfume", code: "PF", group: "beauty", w: 2, name: tri("Perfume|Perfume|Eau de Parfum"), g: ["m", "m"], cat: tri("Perfumes|Perfumes|Fragrance"),
    sub: null,
    adj: L("Floral", "Amaderado|Amadeirado|Woody", "Cítrico|Cítrico|Citrus", "Oriental", "Fresco|Fresco|Fresh", "Frutal|Frutado|Fruity", "Intenso|Intenso|Intense"),
    mat: L("de Jazmín|de Jasmim|Jasmine", "de Vainilla|de Baunilha|Vanilla", "de Sándalo|de Sândalo|Sandalwood", "de Bergamota|de Bergamota|Bergamot", "de Pachulí|de Patchouli|Patchouli", "de Azahar|de Flor de Laranjeira|Orange Blossom"),
    opts: ["perfumeVol"] },
  { key: "serum", code: "SR", group: "beauty", w: 1, name: tri("Sérum|Sérum|Serum"), g: ["m", "m"], cat: tri("Cuidado Facial|Skincare|Skincare"),
    sub: L("Facial|Facial|Face", "Contorno de Ojos|Área dos Olhos|Eye"), subP: 0.4, adj: BEAUTY_ADJ, mat: SKIN_ING, opts: ["serumVol"] },
  // electronics accessories
  { key: "cable", code: "CB", group: "electronics", w: 3, name: tri("Cable|Cabo|Cable"), g: ["m", "m"], cat: tri("Cables|Cabos|Cables"),
    sub: L("USB-C a USB-C|USB-C para USB-C|USB-C to USB-C", "USB-C a Lightning|USB-C para Lightning|USB-C to Lightning", "USB-A a USB-C|USB-A para USB-C|USB-A to USB-C", "HDMI", "Magnético 3 en 1|Magnético 3 em 1|3-in-1 Magnetic"), subP: 1,
    adj: ELEC_ADJ, mat: L("de Nailon Trenzado|de Nylon Trançado|Braided Nylon", "de Silicona|de Silicone|Silicone", "TPE", "de Aluminio|de Alumínio|Aluminum"),
    opts: ["length", "basicColor"] },
  { key: "charger", code: "CH", group: "electronics", w: 2, name: tri("Cargador|Carregador|Charger"), g: ["m", "m"], cat: tri("Cargadores|Carregadores|Chargers"),
    sub: L("USB-C", "Inalámbrico|sem Fio|Wireless", "de Coche|Veicular|Car", "GaN", "Doble USB-C|Duplo USB-C|Dual USB-C"), subP: 1,
    adj: ELEC_ADJ, mat: null, opts: ["power", "basicColor"] },
  { key: "case", code: "PC", group: "electronics", w: 4, name: tri("Funda|Capinha|Phone Case"), g: ["f", "f"], cat: tri("Fundas|Capinhas|Phone Cases"),
    sub: L("MagSafe", "Tipo Cartera|Carteira|Wallet", "Antigolpes|Antichoque|Rugged"), subP: 0.45,
    adj: CASE_ADJ, mat: L("de Silicona|de Silicone|Silicone", "de Cuero|de Couro|Leather", "de TPU Transparente|de TPU Transparente|Clear TPU", "de Policarbonato|de Policarbonato|Polycarbonate", "de Cuero Vegano|de Couro Vegano|Vegan Leather"),
    opts: ["phone", "basicColor"] },
  { key: "earbuds", code: "EB", group: "electronics", w: 1, name: tri("Auriculares Inalámbricos|Fone de Ouvido Bluetooth|Wireless Earbuds"), g: ["mp", "m"], cat: tri("Audio|Áudio|Audio"),
    sub: L("In-Ear", "Deportivos|Esportivo|Sport", "con Cancelación de Ruido|com Cancelamento de Ruído|Noise-Cancelling"), subP: 0.5,
    adj: L("Compacto|Compacto|Compact", "Pro", "Lite", "Max", "Premium", "Plus"), mat: null, opts: ["basicColor"] },
  { key: "powerbank", code: "PB", group: "electronics", w: 1, name: tri("Batería Externa|Carregador Portátil|Power Bank"), g: ["f", "m"], cat: tri("Baterías|Baterias|Power Banks"),
    sub: L("Magnética|Magnético|Magnetic", "Solar"), subP: 0.3, adj: ELEC_ADJ, mat: null, opts: ["bank", "basicColor"] },
  { key: "screen", code: "SC", group: "electronics", w: 1, name: tri("Protector de Pantalla|Película|Screen Protector"), g: ["m", "f"], cat: tri("Protectores|Películas|Screen Protectors"),
    sub: L("Antiespía|Privacidade|Privacy", "Mate|Fosca|Matte"), subP: 0.4, adj: L("Premium", "Pro", "Reforzado|Reforçado|Reinforced", "Ultra"),
    mat: L("de Vidrio Templado|de Vidro Temperado|Tempered Glass", "de Hidrogel|de Hidrogel|Hydrogel", "de Cerámica|de Cerâmica|Ceramic"),
    opts: ["phone"] },
  // food & drinks
  { key: "coffee", code: "CF", group: "food", brands: "coffee", w: 3, name: tri("Café en Grano|Café em Grãos|Coffee Beans"), g: ["m", "m"], cat: tri("Café|Café|Coffee"),
    sub: null, adj: COFFEE_ADJ, mat: ORIGINS, opts: ["weight"] },
  { key: "groundcoffee", code: "GC", group: "food", brands: "coffee", w: 1.5, name: tri("Café Molido|Café Moído|Ground Coffee"), g: ["m", "m"], cat: tri("Café|Café|Coffee"),
    sub: null, adj: COFFEE_ADJ, mat: ORIGINS, opts: ["weightSmall", "grind"] },
  { key: "tea", code: "TE", group: "food", brands: "tea", w: 1, name: tri("Té|Chá|Tea"), g: ["m", "m"], cat: tri("Té e Infusiones|Chás|Tea"),
    sub: null,
    adj: L("Verde|Verde|Green", "Negro|Preto|Black", "Blanco|Branco|White", "Rojo Pu-Erh|Pu-Erh|Pu-Erh", "Chai", "Matcha", "Rooibos", "Earl Grey"),
    mat: L("con Menta|com Hortelã|Mint", "con Jengibre|com Gengibre|Ginger", "con Limón|com Limão|Lemon", "con Frutos Rojos|com Frutas Vermelhas|Berry", "con Canela|com Canela|Cinnamon", "con Jazmín|com Jasmim|Jasmine"),
    opts: ["teaFormat"] },
  { key: "chocolate", code: "CC", group: "food", brands: "chocolate", w: 1, name: tri("Chocolate|Chocolate|Chocolate Bar"), g: ["m", "m"], cat: tri("Chocolates|Chocolates|Chocolate"),
    sub: null,
    adj: L("Negro 70%|Amargo 70%|70% Dark", "Negro 85%|Amargo 85%|85% Dark", "con Leche|ao Leite|Milk", "Blanco|Branco|White", "Orgánico|Orgânico|Organic"),
    mat: L("con Almendras|com Amêndoas|Almond", "con Naranja|com Laranja|Orange", "con Sal Marina|com Flor de Sal|Sea Salt", "con Avellanas|com Avelãs|Hazelnut", "con Frambuesa|com Framboesa|Raspberry"),
    opts: ["chocoWeight"] },
  { key: "oil", code: "OL", group: "food", brands: "oil", w: 1, name: tri("Aceite de Oliva|Azeite de Oliva|Olive Oil"), g: ["m", "m"], cat: tri("Despensa|Mercearia|Pantry"),
    sub: null, adj: L("Virgen Extra|Extra Virgem|Extra Virgin", "Ecológico|Orgânico|Organic", "Suave|Suave|Mild", "Intenso|Intenso|Robust", "Premium"),
    mat: L("Arbequina", "Picual", "Hojiblanca", "Cornicabra|Galega|Koroneiki"), opts: ["oil"] },
  { key: "honey", code: "HN", group: "food", brands: "honey", w: 1, name: tri("Miel|Mel|Honey"), g: ["f", "m"], cat: tri("Despensa|Mercearia|Pantry"),
    sub: null, adj: L("Crudo|Cru|Raw", "Ecológico|Orgânico|Organic", "Artesanal|Artesanal|Artisan", "Puro|Puro|Pure", "Cremoso|Cremoso|Creamy"),
    mat: L("de Flores|de Flores Silvestres|Wildflower", "de Romero|de Alecrim|Rosemary", "de Azahar|de Laranjeira|Orange Blossom", "de Eucalipto|de Eucalipto|Eucalyptus", "de Brezo|de Aroeira|Heather", "de Manuka|de Manuka|Manuka"),
    opts: ["weight"] },
]

const GROUP_WORD = { apparel: tri("ropa|roupa|apparel"), home: tri("hogar|casa|home"), beauty: tri("belleza|beleza|beauty"), electronics: tri("electrónica|eletrônicos|electronics"), food: tri("alimentación|alimentos|food") }
const COLLECTIONS = {
  apparel: L("Esenciales|Essenciais|Essentials", "Verano 2025|Verão 2025|Summer 2025", "Otoño-Invierno|Outono-Inverno|Fall-Winter", "Novedades|Novidades|New In", "Outlet", "Colección Cápsula|Coleção Cápsula|Capsule Collection"),
  home: L("Hogar Esencial|Casa Essencial|Home Essentials", "Novedades|Novidades|New In", "Outlet", "Ideas para Regalar|Ideias de Presente|Gift Ideas"),
  beauty: L("Rutina Diaria|Rotina Diária|Daily Routine", "Novedades|Novidades|New In", "Ideas para Regalar|Ideias de Presente|Gift Ideas", "Outlet"),
  electronics: L("Accesorios|Acessórios|Accessories", "Novedades|Novidades|New In", "Outlet"),
  food: L("Despensa Gourmet|Empório Gourmet|Gourmet Pantry", "Ideas para Regalar|Ideias de Presente|Gift Ideas", "Novedades|Novidades|New In"),
}
const ENDINGS = {
  apparel: L("ideal para el día a día|ideal para o dia a dia|made for everyday wear", "fácil de combinar|fácil de combinar|easy to style", "con un ajuste cómodo|com caimento confortável|with a comfortable fit", "con acabados cuidados|com acabamento caprichado|with careful finishing"),
  home: L("para darle calidez a tu casa|para deixar sua casa mais aconchegante|to make your home feel warmer", "con acabados cuidados|com acabamento caprichado|with careful finishing", "ideal para regalar|ótimo para presentear|a great gift"),
  beauty: L("para el cuidado diario|para o cuidado diário|for your daily routine", "apto para todo tipo de piel|para todos os tipos de pele|suitable for all skin types", "sin parabenos|sem parabenos|paraben-free"),
  electronics: L("compatible con la mayoría de dispositivos|compatível com a maioria dos aparelhos|compatible with most devices", "con 2 años de garantía|com 2 anos de garantia|with a 2-year warranty", "ideal para llevar a todas partes|ideal para levar para todo lado|easy to take anywhere"),
  food: L("de origen seleccionado|de origem selecionada|from carefully selected origins", "ideal para regalar|ótimo para presentear|a great gift", "producido en pequeños lotes|produzido em pequenos lotes|made in small batches"),
}

// ---------------------------------------------------------------- helpers
const CONNECTORS = new Set(["de", "con", "y", "e", "com", "a", "para", "en", "em", "do", "da", "ao", "à"])
const INVARIANT = new Set(["oversize", "oversized", "premium", "vintage", "slim", "fit", "regular", "relaxed", "boxy", "pro", "plus", "ultra", "max", "retro", "retrô", "trail", "running", "hotel", "led", "lite", "floral", "antiedad", "anti-idade", "chai", "matcha", "rooibos", "mom", "skinny"])
function agreeWord(w, g, lang) {
  const lw = w.toLowerCase()
  if (g === "m" || lang === "en" || CONNECTORS.has(lw) || INVARIANT.has(lw) || /\d/.test(w) || !/[oaelrn]$/.test(lw)) return w
  const fem = g === "f" || g === "fp"
  const plural = g === "mp" || g === "fp"
  let out = w
  if (lw.endsWith("o")) out = fem ? w.slice(0, -1) + "a" : w
  else if (lw.endsWith("or")) out = fem ? w + "a" : w
  if (!plural) return out
  if (/[aeo]$/.test(out.toLowerCase())) return out + "s"
  if (lw.endsWith("l")) return lang === "pt" ? w.slice(0, -1) + "is" : w + "es"
  return w + "es"
}
function agree(phrase, g, lang) {
  if (g === "m" || lang === "en") return phrase
  // only the first adjective group agrees; words after a connector belong to a noun phrase
  const words = phrase.split(" ")
  let stop = false
  return words
    .map((w) => {
      if (CONNECTORS.has(w.toLowerCase())) stop = true
      return stop ? w : agreeWord(w, g, lang)
    })
    .join(" ")
}
const stripAccents = (s) => s.normalize("NFD").replace(/[\u0300-\u036f]/g, "")
function slugify(s) {
  return stripAccents(s).toLowerCase().replace(/&/g, " and ").replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "")
}
const PROPER = new Set(["lightning", "pima", "oxford", "egyptian", "turkish", "colombian", "ethiopian", "brazilian", "guatemalan", "honduran", "kenyan", "peruvian", "costa", "rican", "sumatra", "colombia", "colômbia", "etiopía", "etiópia", "brasil", "guatemala", "honduras", "kenia", "quênia", "perú", "peru", "rica", "earl", "grey", "bluetooth", "manuka", "mandarin", "koroneiki", "arbequina", "picual", "hojiblanca", "cornicabra", "galega", "mao"])
// lower-case ordinary words, keep acronyms / model names / proper nouns
function lowerWords(s) {
  return s
    .split(" ")
    .map((w) => (w.length > 1 && /^[A-ZÁÉÍÓÚÂÊÔÃÕÇÑÜ][a-záéíóúâêôãõçñü-]*$/.test(w) && !PROPER.has(w.toLowerCase()) ? w.toLowerCase() : w))
    .join(" ")
}
const capFirst = (s) => s.charAt(0).toUpperCase() + s.slice(1)

function buildTypeTable() {
  const total = TYPES.reduce((a, t) => a + t.w, 0)
  let acc = 0
  return TYPES.map((t) => ((acc += t.w / total), { t, cum: acc }))
}

// ---------------------------------------------------------------- generator
function generateCatalog({ products = 20000, seed = 42 } = {}) {
  const rng = mulberry32(seed)
  const pick = (arr) => arr[Math.floor(rng() * arr.length)]
  const table = buildTypeTable()
  const pickType = () => {
    const r = rng()
    for (const e of table) if (r < e.cum) return e.t
    return table[table.length - 1].t
  }
  const titles = { es: new Set(), pt: new Set(), en: new Set() }
  const handles = new Set()
  const seq = { es: 0, pt: 0, en: 0 }
  const out = []

  for (let i = 0; i < products; i++) {
    const lang = LANGS[i % 3]
    const li = LI[lang]
    let t, brand, adj, mat, sub, title, parts
    for (let attempt = 0; ; attempt++) {
      t = pickType()
      const g = lang === "en" ? "m" : t.g[li]
      brand = pick(BRANDS[t.brands || t.group])
      if (lang === "en") brand = stripAccents(brand)
      adj = agree(pick(t.adj)[li], g, lang)
      mat = t.mat ? pick(t.mat)[li] : null
      sub = t.sub && rng() < t.subP ? pick(t.sub)[li] : null
      const name = t.name[li]
      // pattern: which of adjective / material / brand appear in the title
      const r = rng()
      let useA = true, useM = !!mat, useB = true
      if (r < 0.45) { /* all */ } else if (r < 0.62) useM = false
      else if (r < 0.79) useA = !mat
      else if (r < 0.93) useB = false
      else { useA = false; useM = false }
      if (lang === "en") {
        parts = [useB && brand, useA && adj, useM && mat, sub, name]
      } else if (r >= 0.62 && r < 0.7 && useB) {
        // brand right after the noun: "Camiseta Nórdika Oversize"
        parts = [name, sub, useB && brand, useA && adj, useM && mat]
      } else {
        parts = [name, sub, useA && adj, useM && mat, useB && brand]
      }
      title = parts.filter(Boolean).join(" ")
      if (attempt < 40 && titles[lang].has(title.toLowerCase())) continue
      if (titles[lang].has(title.toLowerCase())) title += " " + ["II", "III", "IV", "V", "VI"][attempt % 5]
      if (titles[lang].has(title.toLowerCase())) continue
      break
    }
    // ~20% of stores write titles in sentence case
    if (rng() < 0.2) {
      const brandRe = brand
      title = capFirst(
        title
          .split(brandRe)
          .map((s) => lowerWords(s))
          .join(brandRe)
      )
    }
    titles[lang].add(title.toLowerCase())

    let handle = slugify(title)
    if (handles.has(handle)) {
      let k = 2
      while (handles.has(`${handle}-${k}`)) k++
      handle = `${handle}-${k}`
    }
    handles.add(handle)

    // description: always mentions all attributes, even those omitted from the title
    const adjFull = adj
    const ending = pick(ENDINGS[t.group])[li]
    let description
    if (lang === "en") {
      description = `${capFirst(lowerWords([adjFull, mat, sub, t.name[li]].filter(Boolean).join(" ")))} by ${brand}, ${ending}.`
    } else {
      const by = lang === "es" ? "de" : "da"
      description = `${capFirst(lowerWords([t.name[li], sub, adjFull, mat].filter(Boolean).join(" ")))} ${by} ${brand}, ${ending}.`
    }

    const collection = rng() < 0.35 ? null : pick(COLLECTIONS[t.group])[li]
    const tags = [t.cat[li].toLowerCase(), GROUP_WORD[t.group][li], lowerWords(adj).toLowerCase()]
    if (mat) tags.push(mat.replace(/^(de|con|com|da|do)\s+/i, "").toLowerCase())
    if (sub) tags.push(sub.replace(/^(de|con|com)\s+/i, "").toLowerCase())

    // options & variants
    const options = []
    for (const key of t.opts) {
      const spec = O[key]
      if (spec.p !== undefined && rng() >= spec.p) continue
      const n = spec.min + Math.floor(rng() * (Math.min(spec.max, spec.values.length) - spec.min + 1))
      let vals
      if (spec.contiguous) {
        const start = Math.floor(rng() * (spec.values.length - n + 1))
        vals = spec.values.slice(start, start + n)
      } else {
        const idx = spec.values.map((_, k) => k)
        for (let k = idx.length - 1; k > 0; k--) {
          const j = Math.floor(rng() * (k + 1))
          ;[idx[k], idx[j]] = [idx[j], idx[k]]
        }
        vals = idx.slice(0, n).sort((a, b) => a - b).map((k) => spec.values[k])
      }
      options.push({ title: spec.title[li], values: vals.map((v) => v[li]) })
    }
    // cap at 24 variants
    const count = () => options.reduce((a, o) => a * o.values.length, 1)
    while (count() > 24) {
      const big = options.reduce((a, o) => (o.values.length > a.values.length ? o : a))
      big.values.pop()
    }
    let combos = [{}]
    for (const o of options) {
      const next = []
      for (const c of combos) for (const v of o.values) next.push({ ...c, [o.title]: v })
      combos = next
    }
    const pseq = String(++seq[lang]).padStart(5, "0")
    const variants = combos.map((c, k) => ({
      title: options.map((o) => c[o.title]).join(" / "),
      sku: `${t.code}-${lang.toUpperCase()}${pseq}-${String(k + 1).padStart(2, "0")}`,
      options: c,
    }))

    out.push({
      handle,
      title,
      description,
      language: lang,
      collection,
      category: t.cat[li],
      tags: [...new Set(tags)],
      options,
      variants,
    })
  }
  return out
}

module.exports = { generateCatalog, mulberry32, slugify, stripAccents }

if (require.main === module) {
  const t0 = Date.now()
  const cat = generateCatalog()
  const ms = Date.now() - t0
  const nv = cat.reduce((a, p) => a + p.variants.length, 0)
  const by = {}
  for (const p of cat) by[p.language] = (by[p.language] || 0) + 1
  console.log(JSON.stringify({ products: cat.length, variants: nv, avgVariants: +(nv / cat.length).toFixed(2), byLanguage: by, ms }))
  for (const p of cat.slice(0, 12)) console.log(p.language, "|", p.title, "|", p.handle, "|", p.options.map((o) => `${o.title}: ${o.values.join(",")}`).join(" ; "))
}
