/**
 * A few thousand common English words, roughly in order of frequency in news prose (function
 * words first, then everyday and news vocabulary). Written for the benchmark generator as data:
 * the rank order feeds the Zipf sampler, so the head of the list dominates generated text as it
 * does real text (Zipf 1949; Piantadosi 2014, "Zipf's word frequency law in natural language").
 * Duplicates are harmless: the vocabulary builder keeps the first rank of each word.
 */
export const COMMON_EN: readonly string[] = `
the of and to a in that is was he for it with as his on be at by i this had not are but from or
have an they which one you were her all she there would their we him been has when who will more
no if out so said what up its about into than them can only other new some could time these two
may then do first any my now such like our over man me even most made after also did many before
must through back years where much your way well down should because each just those people how
too little state good very make world still own see men work long get here between both life being
under never day same another know while last might us great old year off come since against go came
right used take three states himself few house use during without again place around however home
small found thought went say part once general high upon school every does got united left number
course war until always away something fact though water less public put think almost hand enough
far took head yet government system better set told nothing night end why called didn't eyes find
going look asked later knew point next program city business give group toward young days let room
president side social present given several order national second possible rather per face among
form important often things looking early white case john become large big need four within felt
along children saw best church ever least power development light thing seemed family interest want
members mind country area others done turned although open god service certain kind problem began
different door thus help sense means whole matter perhaps itself york times law human line above
name example action company hands local show whether five history gave today either act feet across
taken past quite anything having seen death experience body word half really week field car words
already themselves information tell together college shall money period held keep sure free real
seems behind cannot political air question office brought whose special major heard problems federal
became study ago moment available known result street economic boy position reason change south board
individual job society areas west close turn love community true court force full seem am wife age
policy voice everything sometimes center million military further control third plan morning
higher towards research music effect land result figure short party level book letter women report
strong clear difficult yesterday tuesday monday wednesday thursday friday saturday sunday minister
foreign officials official talks agreement forces attack security troops region border capital
leaders leader country's statement spokesman spokeswoman ministry defence defense foreign affairs
conflict peace ceasefire negotiations delegation summit sanctions economy energy gas oil prices
market markets bank banks currency inflation growth trade exports imports deal deals agreement
agreements treaty treaties council parliament vote votes election elections campaign candidate
candidates opposition coalition protest protests protesters police arrest arrested arrests court
courts judge judges trial prison prisoners prisoner exchange release released hostages hostage
civilians civilian killed wounded injured dead deaths casualties victims hospital hospitals doctors
aid humanitarian refugees refugee camp camps shelter food medicine supplies convoy convoys route
routes village villages town towns region regions province provinces district districts frontline
front offensive counteroffensive advance retreat withdrawal withdrew withdraw shelling strikes strike
airstrike airstrikes drone drones missile missiles rocket rockets artillery tank tanks weapons
weapon arms ammunition soldiers soldier army navy air base bases fleet ships ship port ports bridge
bridges railway railways road roads power plant plants station stations grid electricity water supply
infrastructure damage damaged destroyed destruction repair repairs restored restore engineers workers
residents population citizens inhabitants families children women men elderly people's crowd
crowds demonstration demonstrations rally rallies march marches strike strikes union unions
company companies firm firms industry industries factory factories production output investors
investment investments fund funds budget budgets spending tax taxes debt loan loans billion
millions billions percent rate rates interest rates central banker bankers analysts analyst expert
experts observers diplomats diplomat ambassador ambassadors envoy envoys embassy embassies
consulate mission missions observers monitor monitors inspection inspectors report reports
reported reporting according sources source witness witnesses journalist journalists media
newspaper newspapers channel channels agency agencies correspondent interview interviews briefing
press conference conferences meeting meetings visit visits trip trips call calls phone talks
discussion discussions dialogue proposal proposals plan plans initiative initiatives framework
process round rounds session sessions draft resolution resolutions veto security council general
assembly organization organizations alliance alliances partners partner partnership allies ally
support supported supporting backed backing opposed opposing rejected rejecting refused refusing
accepted accepting agreed agreeing denied denying accused accusing blamed blaming condemned
condemning welcomed welcoming warned warning urged urging called calling demanded demanding
insisted insisting stressed stressing noted noting added adding explained explaining confirmed
confirming announced announcing declared declaring claimed claiming argued arguing suggested
suggesting promised promising pledged pledging vowed vowing threatened threatening expected
expecting estimated estimating described describing cited citing quoted quoting published
publishing released releasing issued issuing signed signing approved approving passed passing
adopted adopting launched launching began beginning started starting ended ending continued
continuing resumed resuming suspended suspending halted halting stopped stopping blocked blocking
closed closing opened opening reached reaching arrived arriving left leaving returned returning
moved moving sent sending received receiving delivered delivering provided providing offered
offering allowed allowing prevented preventing helped helping tried trying failed failing managed
managing decided deciding planned planning prepared preparing organized organizing held holding
hosted hosting attended attending joined joining met meeting spoke speaking talked talking wrote
writing read reading heard hearing watched watching seen showed showing appeared appearing remained
remaining stayed staying lived living died dying killed killing fired firing hit hitting struck
striking fell falling rose rising grew growing dropped dropping increased increasing decreased
decreasing reduced reducing raised raising cut cutting lost losing won winning gained gaining
paid paying bought buying sold selling cost costs price value values amount amounts share shares
percent percentage figure figures data statistics survey surveys poll polls result results outcome
outcomes impact effects effect consequences consequence risk risks threat threats danger dangers
crisis crises emergency emergencies disaster disasters flood floods fire fires earthquake storm
storms drought heat weather climate temperature temperatures winter summer spring autumn season
month months january february march april may june july august september october november december
morning evening afternoon night nights hours hour minutes minute weeks weekend decade decades century
early late recent recently current currently previous previously former future next last final
finally first second third fourth fifth dozens hundreds thousands tens several numerous various
many few some most all every each both either neither none nobody everyone someone anyone
something everything nothing anything somewhere everywhere nowhere anywhere here there where when
why how what which who whom whose whether while although though unless until since because so
therefore however moreover furthermore meanwhile otherwise instead indeed still yet already soon
again once twice often usually sometimes rarely never always ever almost nearly about around
approximately roughly exactly just only even also too very quite rather fairly really highly
largely mostly partly fully completely entirely totally directly immediately quickly slowly
carefully clearly openly publicly privately officially reportedly allegedly apparently possibly
probably likely unlikely certainly definitely surely perhaps maybe simply mainly particularly
especially specifically generally widely deeply strongly heavily seriously badly sharply steadily
gradually suddenly eventually ultimately initially originally currently increasingly relatively
able unable ready willing necessary possible impossible likely important significant major minor
main key central basic essential critical serious severe heavy light strong weak high low long short
large small big huge vast wide narrow deep broad full empty whole entire total complete partial
new old young ancient modern recent current latest former future early late final first last next
good bad better worse best worst great poor rich wealthy cheap expensive free open closed public
private personal official unofficial national international local regional global foreign domestic
military civil civilian political economic social cultural religious legal illegal financial
commercial industrial agricultural medical scientific technical technological digital historical
northern southern eastern western north south east west central northeast northwest southeast
southwest upper lower inner outer nearby distant remote rural urban coastal mountainous border
russian ukrainian american european british french german chinese turkish syrian iranian israeli
palestinian lebanese iraqi egyptian saudi qatari emirati jordanian libyan yemeni sudanese african
asian arab western eastern soviet nato un eu us uk russia ukraine america europe britain france
germany china turkey syria iran israel palestine lebanon iraq egypt arabia qatar emirates jordan
libya yemen sudan africa asia moscow kyiv kiev washington london paris berlin beijing ankara damascus
tehran jerusalem beirut baghdad cairo riyadh doha amman tripoli sanaa khartoum brussels geneva
vienna istanbul donetsk luhansk crimea kharkiv odesa zaporizhzhia kherson mariupol bakhmut idlib
aleppo homs gaza
alliance army attack authorities authority battle battles bombing bombings campaign ceasefire
checkpoint checkpoints combat commander commanders conflict crossing crossings defence deployment
detention displacement enemy escalation evacuation fighters fighting forces guard guards incursion
insurgents intelligence invasion killing militants militia militias mobilization occupation
operation operations patrol patrols positions raid raids rebels reinforcements resistance
sabotage siege surrender territory territories terror terrorism terrorist terrorists truce unit
units victory violence war wars warfare warplanes weapons withdrawal zone zones
access account accounts accused acts address administration advice affair age agenda agent agents
aid aim aims air aircraft airport airports alarm alert alternative ambition analysis anger
announcement answer anxiety appeal appeals application approach approval area argument arguments
arrangement arrival article articles aspect assessment asset assets assistance association attempt
attempts attention attitude audience authority average award awareness balance ban bans barrier
basis battle beginning behalf behaviour belief benefit benefits bid bill bills birth blame blast
blasts block blood board border borders boss bottom box boys brain branch brand breach break
breakthrough brother brothers building buildings burden bus cabinet camera candidate capacity
capital car care career cars cases cash category cause causes caution ceremony chain chair chairman
challenge challenges chance chances chapter character charge charges chief chiefs choice choices
circle circumstances claim claims class clash clashes client climate coast code collapse colleague
colleagues collection column combination comfort command comment comments commission commitment
commitments committee communication communications comparison competition complaint complaints
concern concerns conclusion condition conditions confidence confrontation confusion congress
connection consensus consideration constitution construction consumer consumers contact contacts
content context contract contracts contrast contribution control controls controversy conversation
cooperation copy corner corruption costs counter counterpart counterparts countries couple courage
cover coverage crackdown credit crew crime crimes criminal criticism critics crop crops cross culture
cup currency customer customers cycle damage danger date daughter deadline deal dealer dealers debate
debates decision decisions declaration decline defeat deficit definition degree delay delays demand
demands democracy department departure deputy design desire detail details determination device
difference differences difficulty direction director directors disagreement discovery discussion
disease dispute disputes distance distribution document documents dollar dollars doubt draft drama
dream drive driver drivers drug drugs duty east edge edition editor education effort efforts
election element elements emergency emphasis employee employees employment end energy engine
engineer entry environment episode equipment error escape estimate estimates event events evidence
exception exchange executive exercise exercises existence exit expansion expectation expense
experience experiment explanation explosion explosions exposure expression extent failure faith fall
fame fashion fault fear fears feature fee feeling festival fight finance finding fine finger firm
flight flights floor focus following football force forest formula fortune foundation freedom
friend friends frontier fuel function funding funeral gap garden gate generation gesture gift goal
goals gold grain grant grants ground growth guarantee guarantees guest guidance gun guns half hall
harm health hearing heart height help hero highway hill hole holiday hope horizon host hotel house
housing husband idea ideas identity image images impact import income increase independence index
indication industry influence initiative injury injuries inquiry institution institutions
instruction insurance intention interest internet intervention investigation investigations island
islands issue issues item job jobs joint journey judgment jury justice key kind king kingdom
knowledge labour lack lake language laws lawyer lawyers layer lead leadership learning lease legacy
length lesson lessons letter letters level levels liability liberty licence limit limits link links
list lists loss losses lot majority manager manner map margin mark market marriage mass material
matters measure measures mechanism memory message messages method middle mile miles mind mine mines
minority mistake mix mode model moment mood motion motive mountain movement movements murder museum
nation nations nature need needs negotiation neighbour neighbours network networks news night note
notice notion object objective obligation occasion offer offers officer officers operator opinion
opinions opportunity option options order orders origin output owner owners pace package packages
pain pair panel paper parent parents parliament participation partnership passage passenger
passengers path patient patients pattern payment payments peace penalty pension performance permit
person perspective phase philosophy picture piece pipeline pipelines pilot pilots platform player
players pocket policies population portion possibility post potential pound practice presence
pressure prices pride priest prime principle principles priority prisons privilege procedure
procedures proceedings product profit progress project projects promise proof property proportion
proposal prosecutor prosecutors prospect prospects protection protest province purpose quality
quantity quarter queen question questions race radio range rank rate reaction reader readers
reality reasons record records recovery reference reform reforms regime relation relations
relationship release relief remark remarks replacement reply representative representatives
republic reputation request requests requirement rescue reserve reserves resident resolution
resource resources respect response responsibility rest restrictions return revenue review revolution
reward rights ring rise river role rule rules ruling safety sale sales sample scale scene schedule
scheme science scope score screen sea search seat seats secret secretary sector sectors selection
senate senator sentence series servant session settlement shape shift shock shop shot sign signal
significance silence site sites situation size skill skills society soil solution solutions son
song speaker speech speed spirit spokesperson sport staff stage stake standard standards statement
status step steps stock stone store story strategy strength stress structure struggle student
students style subject success suggestion summer supplier supply surface surprise suspect suspects
suspicion symbol sympathy target targets task tax team teams technology television tension tensions
term terms test text theory thing threat ticket tie title tone tool top topic total tour tourism
trace track tradition traffic train training transfer transition transport trend trial trip trouble
trust truth type uncertainty understanding unemployment union unity university value variety
vehicle vehicles version victim video view views village violation violations vision visitor
visitors volume volunteer volunteers wage wages wall warning waste wave way weakness wealth
weapon website week weight welfare wheel while wind window wing winner winter wish witness woman
wood work worker workshop writer yard youth
accept accuse achieve act adapt add admit adopt advance advise affect afford agree aim allow alter
announce answer apologise appeal appear apply appoint approve argue arise arrange arrest arrive ask
assess assist assume assure attach attack attempt attend attract avoid back ban bear beat become
beg begin believe belong bind blame blow boost borrow break bring build burn buy calculate call
campaign cancel capture care carry catch cause cease celebrate challenge change charge check choose
cite claim clarify clear climb close collapse collect combine come comment commit compare compete
complain complete concede concentrate concern conclude condemn conduct confirm confront connect
consider consist construct consult contain continue contribute control convert convince cooperate
coordinate cope correct cost count cover create criticise cross cry cut damage deal debate decide
declare decline defeat defend define delay deliver demand deny depend deploy describe deserve
design destroy detain detect determine develop die differ disappear discover discuss dismiss display
dispute distribute divide double draw dream drink drive drop earn ease eat elect eliminate emerge
employ enable encourage end endorse enforce engage enhance enjoy ensure enter escalate escape
establish estimate evacuate evaluate examine exceed exchange exclude execute exist expand expect
explain explode explore export express extend face fail fall fear feed feel fight file fill find
finish fire fit fix flee fly focus follow forbid force forget forgive form found free freeze fund
gain gather generate give go govern grant grow guarantee guard guess halt handle hang happen harm
hate head hear help hide hire hit hold hope host hurt identify ignore illustrate imagine implement
imply import impose improve include increase indicate influence inform insist inspect install
intend intervene introduce invade invest investigate invite involve issue join judge jump justify
keep kill know lack land last launch lead learn leave lend let lie lift limit link list listen
live load locate lose love maintain make manage mark matter mean measure meet mention mind miss
mobilise monitor move name need negotiate note notice obtain occupy occur offer open operate oppose
order organise owe own participate pass pay perform permit persuade pick place plan play plead
point possess post pour praise pray predict prefer prepare present preserve press prevent proceed
produce promise promote propose prosecute protect protest prove provide publish pull punish purchase
pursue push put qualify question quit raise reach react read realise recall receive recognise
recommend record recover recruit reduce refer reflect refuse regain register regret reinforce
reject relate release rely remain remember remind remove renew repair repeat replace reply report
represent request require rescue resign resist resolve respond rest restore restrict result resume
retain retire retreat return reveal review ride ring rise risk rule run save say score search
secure seek seize select sell send sentence serve settle shake share shoot shout show shut sign
sing sink sit sleep slow smile solve sound speak spend split spread stand start stay steal stick
stop store strengthen stress stretch strike struggle study submit succeed suffer suggest suit
supply support suppose surrender surround survive suspect suspend sustain swear switch take talk
target teach tear tell tend test thank threaten throw tie tolerate touch trace trade train transfer
transform translate travel treat trust try turn undergo understand undermine unite urge use vary
verify veto view violate visit vote wait walk want warn wash watch wear welcome win wish withdraw
witness wonder work worry wound write
`.split(/\s+/).filter((word) => word !== '');
