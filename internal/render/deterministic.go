package render

import (
	"bytes"
	"crypto"
	"crypto/aes"
	"crypto/cipher"
	"crypto/dsa" //nolint:staticcheck // sprig's genPrivateKey "dsa" and its PEM parser support DSA keys
	"crypto/ecdsa"
	"crypto/ed25519"
	"crypto/elliptic"
	"crypto/rsa"
	"crypto/sha256"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/asn1"
	"encoding/base64"
	"encoding/binary"
	"encoding/pem"
	"errors"
	"fmt"
	"io"
	"maps"
	"math/big"
	mrand "math/rand"
	rand2 "math/rand/v2"
	"net"
	"strconv"
	"strings"
	"sync"
	"text/template"
	"time"

	"github.com/Masterminds/sprig/v3"
	"github.com/google/uuid"
)

// FixedNow is the clock of every render: what now returns and what ago,
// date and the certificate functions count from.
func FixedNow() time.Time { return time.Date(2025, time.January, 1, 0, 0, 0, 0, time.UTC) }

// deterministic replaces the random and clock functions of Helm's
// FuncMap (sprig v3.3.0, which helm.sh/helm/v3@v3.22.0 and v4@v4.3.1
// pkg/engine/funcs.go funcMap start from) with ones whose results depend
// only on a seed: the chart's name and version, and the template being
// executed when the engine says so (Engine.Template). Each function
// mirrors sprig's (functions.go genericMap, strings.go, crypto.go,
// date.go, cited per function) with its entropy drawn from the seeded
// stream, time.Now replaced by FixedNow and the "Local" zone by UTC, so a
// chart renders to the same bytes on every run and every machine.
// Generated keys are valid keys: RSA and DSA keys are fixed
// (detkeys.go), ECDSA and Ed25519 keys come from the stream.
type deterministic struct {
	mu     sync.Mutex
	seed   string
	stream *rand2.ChaCha8
	rng    *mrand.Rand
}

func newDeterministic(seed string) *deterministic {
	d := &deterministic{seed: seed}
	d.reseed("")
	return d
}

// reseed restarts the stream for the template about to execute.
func (d *deterministic) reseed(template string) {
	d.mu.Lock()
	defer d.mu.Unlock()
	sum := sha256.Sum256([]byte(d.seed + "\x00" + template))
	d.stream = rand2.NewChaCha8(sum)
	d.rng = mrand.New(mrand.NewSource(int64(binary.LittleEndian.Uint64(sum[:8]) >> 1))) //nolint:gosec // deterministic on purpose
}

// Read fills p from the stream.
func (d *deterministic) Read(p []byte) (int, error) {
	d.mu.Lock()
	defer d.mu.Unlock()
	return d.stream.Read(p)
}

func (d *deterministic) intn(n int) int {
	d.mu.Lock()
	defer d.mu.Unlock()
	return d.rng.Intn(n) // panics on n <= 0, as sprig's rand.Intn: the template gets the error
}

// DeterministicFuncs returns the deterministic replacements of Helm's
// random, clock and key functions, seeded by the chart's name and
// version, for a render hooklint does not run itself: sim sets them as
// helm.sh/helm/v4 pkg/action Configuration.CustomTemplateFuncs (Helm 4's
// engine copies them over its own FuncMap, pkg/engine/engine.go
// initFunMap). Helm 3's pkg/action has no such field. Use one map per
// simulation: its stream goes on from render to render.
func DeterministicFuncs(c *Chart) template.FuncMap {
	return newDeterministic(chartSeed(c)).funcs()
}

// sprigOwn are sprig's own versions of the functions deterministic
// replaces, taken when this package initializes: before sim's init
// (sim/sprig3.go) rewires sprig's table, which every package that imports
// sim initializes after this one.
var sprigOwn = func() template.FuncMap { //nolint:gochecknoglobals // read-only after init
	all := sprig.TxtFuncMap()
	out := template.FuncMap{}
	for name := range newDeterministic("").funcs() {
		if f, ok := all[name]; ok {
			out[name] = f
		}
	}
	return out
}()

// SprigFuncs returns sprig's own random, clock and key functions (sprig
// v3.3.0: crypto/rand, math/rand, time.Now, the host's zone) under the
// names DeterministicFuncs replaces, for renders with
// Options.RealGeneration and the simulator's equivalent: tests that
// compare hooklint's output with a run of real generation. Set over
// Helm's FuncMap they give the render Helm does itself, whatever sim has
// done to sprig's table meanwhile.
func SprigFuncs() template.FuncMap {
	out := make(template.FuncMap, len(sprigOwn))
	maps.Copy(out, sprigOwn)
	return out
}

func chartSeed(c *Chart) string {
	if c == nil || c.Chart == nil || c.Chart.Metadata == nil {
		return ""
	}
	return c.Chart.Metadata.Name + "\x00" + c.Chart.Metadata.Version
}

func (d *deterministic) funcs() template.FuncMap {
	return template.FuncMap{
		// sprig functions.go: "now": time.Now
		"now":            FixedNow,
		"date":           func(f string, date any) string { return dateInZone(f, date, "Local") },
		"htmlDate":       func(date any) string { return dateInZone("2006-01-02", date, "Local") },
		"htmlDateInZone": func(date any, zone string) string { return dateInZone("2006-01-02", date, zone) },
		"dateInZone":     dateInZone,
		"date_in_zone":   dateInZone,
		"ago":            dateAgo,
		"durationRound":  durationRound,
		"toDate":         func(f, s string) time.Time { t, _ := time.ParseInLocation(f, s, time.UTC); return t },
		"mustToDate":     func(f, s string) (time.Time, error) { return time.ParseInLocation(f, s, time.UTC) },

		"randAlphaNum": func(n int) string { return d.randString(n, alnum) },
		"randAlpha":    func(n int) string { return d.randString(n, alpha) },
		"randNumeric":  func(n int) string { return d.randString(n, digits) },
		"randAscii":    func(n int) string { return d.randString(n, ascii) },
		"randBytes":    d.randBytes,
		"randInt":      func(lo, hi int) int { return d.intn(hi-lo) + lo },
		"shuffle":      d.shuffle,
		"uuidv4":       d.uuidv4,

		"genPrivateKey":            d.genPrivateKey,
		"buildCustomCert":          buildCustomCert,
		"genCA":                    func(cn string, days int) (certificate, error) { return d.genCA(cn, days, fixedRSA(2048)) },
		"genCAWithKey":             d.genCAWithKey,
		"genSelfSignedCert":        d.genSelfSignedCert,
		"genSelfSignedCertWithKey": d.genSelfSignedCertWithKey,
		"genSignedCert":            d.genSignedCert,
		"genSignedCertWithKey":     d.genSignedCertWithKey,
		"encryptAES":               d.encryptAES,
	}
}

// dateInZone is sprig date.go dateInZone with FixedNow for time.Now and
// UTC for "Local" (the host's zone).
func dateInZone(format string, date any, zone string) string {
	var t time.Time
	switch date := date.(type) {
	default:
		t = FixedNow()
	case time.Time:
		t = date
	case *time.Time:
		t = *date
	case int64:
		t = time.Unix(date, 0)
	case int:
		t = time.Unix(int64(date), 0)
	case int32:
		t = time.Unix(int64(date), 0)
	}
	if zone == "Local" {
		zone = "UTC"
	}
	loc, err := time.LoadLocation(zone)
	if err != nil {
		loc = time.UTC
	}
	return t.In(loc).Format(format)
}

// dateAgo is sprig date.go dateAgo, counted from FixedNow.
func dateAgo(date any) string {
	var t time.Time
	switch date := date.(type) {
	default:
		t = FixedNow()
	case time.Time:
		t = date
	case int64:
		t = time.Unix(date, 0)
	case int:
		t = time.Unix(int64(date), 0)
	}
	return FixedNow().Sub(t).Round(time.Second).String()
}

// durationRound is sprig date.go durationRound, counted from FixedNow.
func durationRound(duration any) string {
	var d time.Duration
	switch duration := duration.(type) {
	default:
		d = 0
	case string:
		d, _ = time.ParseDuration(duration)
	case int64:
		d = time.Duration(duration)
	case time.Time:
		d = FixedNow().Sub(duration)
	}
	u := uint64(d)
	if d < 0 {
		u = -u
	}
	const (
		year   = uint64(time.Hour) * 24 * 365
		month  = uint64(time.Hour) * 24 * 30
		day    = uint64(time.Hour) * 24
		hour   = uint64(time.Hour)
		minute = uint64(time.Minute)
		second = uint64(time.Second)
	)
	switch {
	case u > year:
		return strconv.FormatUint(u/year, 10) + "y"
	case u > month:
		return strconv.FormatUint(u/month, 10) + "mo"
	case u > day:
		return strconv.FormatUint(u/day, 10) + "d"
	case u > hour:
		return strconv.FormatUint(u/hour, 10) + "h"
	case u > minute:
		return strconv.FormatUint(u/minute, 10) + "m"
	case u > second:
		return strconv.FormatUint(u/second, 10) + "s"
	}
	return "0s"
}

// The alphabets of github.com/Masterminds/goutils@v1.1.1
// cryptorandomstringutils.go CryptoRandom as sprig's rand* call it.
const (
	alpha  = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
	digits = "0123456789"
	alnum  = alpha + digits
	ascii  = " !\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~"
)

// randString is sprig strings.go randAlphaNumeric and friends: "" for a
// count below 1 (goutils returns an error sprig drops).
func (d *deterministic) randString(n int, set string) string {
	if n <= 0 {
		return ""
	}
	b := make([]byte, n)
	for i := range b {
		b[i] = set[d.intn(len(set))]
	}
	return string(b)
}

// randBytes is sprig crypto.go randBytes: count bytes, base64.
func (d *deterministic) randBytes(count int) (string, error) {
	buf := make([]byte, count)
	if _, err := io.ReadFull(d, buf); err != nil {
		return "", err
	}
	return base64.StdEncoding.EncodeToString(buf), nil
}

// shuffle is github.com/huandu/xstrings Shuffle (sprig's "shuffle").
func (d *deterministic) shuffle(str string) string {
	if str == "" {
		return str
	}
	runes := []rune(str)
	for i := len(runes) - 1; i > 0; i-- {
		if j := d.intn(i + 1); i != j {
			runes[i], runes[j] = runes[j], runes[i]
		}
	}
	return string(runes)
}

// uuidv4 is sprig crypto.go uuidv4 (uuid.New) from the stream.
func (d *deterministic) uuidv4() string {
	return uuid.Must(uuid.NewRandomFromReader(d)).String()
}

// fixedRSA is the fixed RSA key of a size (detkeys.go).
func fixedRSA(bits int) *rsa.PrivateKey {
	p, q := rsa2048P, rsa2048Q
	if bits == 4096 {
		p, q = rsa4096P, rsa4096Q
	}
	return rsaFromPrimes(hexInt(p), hexInt(q))
}

func rsaFromPrimes(p, q *big.Int) *rsa.PrivateKey {
	one := big.NewInt(1)
	n := new(big.Int).Mul(p, q)
	phi := new(big.Int).Mul(new(big.Int).Sub(p, one), new(big.Int).Sub(q, one))
	e := big.NewInt(65537)
	k := &rsa.PrivateKey{
		PublicKey: rsa.PublicKey{N: n, E: 65537},
		D:         new(big.Int).ModInverse(e, phi),
		Primes:    []*big.Int{p, q},
	}
	k.Precompute()
	return k
}

func fixedDSA() *dsa.PrivateKey {
	k := &dsa.PrivateKey{
		PublicKey: dsa.PublicKey{Parameters: dsa.Parameters{P: hexInt(dsaP), Q: hexInt(dsaQ), G: hexInt(dsaG)}},
		X:         hexInt(dsaX),
	}
	k.Y = new(big.Int).Exp(k.G, k.X, k.P)
	return k
}

func hexInt(s string) *big.Int {
	n, ok := new(big.Int).SetString(s, 16)
	if !ok {
		panic("render: bad key constant") // detkeys.go is ours
	}
	return n
}

// genPrivateKey is sprig crypto.go generatePrivateKey.
func (d *deterministic) genPrivateKey(typ string) string {
	var priv any
	switch typ {
	case "", "rsa":
		priv = fixedRSA(4096)
	case "dsa":
		priv = fixedDSA()
	case "ecdsa":
		priv = d.ecdsaKey()
	case "ed25519":
		seed := make([]byte, ed25519.SeedSize)
		_, _ = io.ReadFull(d, seed)
		priv = ed25519.NewKeyFromSeed(seed)
	default:
		return "Unknown type " + typ
	}
	return string(pem.EncodeToMemory(pemBlockForKey(priv)))
}

func (d *deterministic) ecdsaKey() *ecdsa.PrivateKey {
	b := make([]byte, 32)
	for {
		_, _ = io.ReadFull(d, b)
		if k, err := ecdsa.ParseRawPrivateKey(elliptic.P256(), b); err == nil {
			return k
		}
	}
}

// dsaKeyFormat is sprig crypto.go DSAKeyFormat.
type dsaKeyFormat struct {
	Version       int
	P, Q, G, Y, X *big.Int
}

// pemBlockForKey is sprig crypto.go pemBlockForKey.
func pemBlockForKey(priv any) *pem.Block {
	switch k := priv.(type) {
	case *rsa.PrivateKey:
		return &pem.Block{Type: "RSA PRIVATE KEY", Bytes: x509.MarshalPKCS1PrivateKey(k)}
	case *dsa.PrivateKey:
		b, _ := asn1.Marshal(dsaKeyFormat{P: k.P, Q: k.Q, G: k.G, Y: k.Y, X: k.X})
		return &pem.Block{Type: "DSA PRIVATE KEY", Bytes: b}
	case *ecdsa.PrivateKey:
		b, _ := x509.MarshalECPrivateKey(k)
		return &pem.Block{Type: "EC PRIVATE KEY", Bytes: b}
	default:
		b, err := x509.MarshalPKCS8PrivateKey(k)
		if err != nil {
			return nil
		}
		return &pem.Block{Type: "PRIVATE KEY", Bytes: b}
	}
}

// parsePrivateKeyPEM is sprig crypto.go parsePrivateKeyPEM.
func parsePrivateKeyPEM(pemBlock string) (crypto.PrivateKey, error) {
	block, _ := pem.Decode([]byte(pemBlock))
	if block == nil {
		return nil, errors.New("no PEM data in input")
	}
	if block.Type == "PRIVATE KEY" {
		priv, err := x509.ParsePKCS8PrivateKey(block.Bytes)
		if err != nil {
			return nil, fmt.Errorf("decoding PEM as PKCS#8: %s", err) //nolint:errorlint // sprig's text
		}
		return priv, nil
	} else if !strings.HasSuffix(block.Type, " PRIVATE KEY") {
		return nil, fmt.Errorf("no private key data in PEM block of type %s", block.Type)
	}
	switch block.Type[:len(block.Type)-12] { // strip " PRIVATE KEY"
	case "RSA":
		priv, err := x509.ParsePKCS1PrivateKey(block.Bytes)
		if err != nil {
			return nil, fmt.Errorf("parsing RSA private key from PEM: %s", err) //nolint:errorlint // sprig's text
		}
		return priv, nil
	case "EC":
		priv, err := x509.ParseECPrivateKey(block.Bytes)
		if err != nil {
			return nil, fmt.Errorf("parsing EC private key from PEM: %s", err) //nolint:errorlint // sprig's text
		}
		return priv, nil
	case "DSA":
		var k dsaKeyFormat
		if _, err := asn1.Unmarshal(block.Bytes, &k); err != nil {
			return nil, fmt.Errorf("parsing DSA private key from PEM: %s", err) //nolint:errorlint // sprig's text
		}
		return &dsa.PrivateKey{PublicKey: dsa.PublicKey{Parameters: dsa.Parameters{P: k.P, Q: k.Q, G: k.G}, Y: k.Y}, X: k.X}, nil
	default:
		return nil, fmt.Errorf("invalid private key type %s", block.Type)
	}
}

func getPublicKey(priv crypto.PrivateKey) (crypto.PublicKey, error) {
	switch k := priv.(type) {
	case interface{ Public() crypto.PublicKey }:
		return k.Public(), nil
	case *dsa.PrivateKey:
		return &k.PublicKey, nil
	default:
		return nil, fmt.Errorf("unable to get public key for type %T", priv)
	}
}

// certificate is sprig crypto.go certificate: what genCA and friends
// return and genSignedCert takes.
type certificate struct {
	Cert string
	Key  string
}

// buildCustomCert is sprig crypto.go buildCustomCertificate (replaced
// only so that its result is the certificate type genSignedCert takes).
func buildCustomCert(b64cert, b64key string) (certificate, error) {
	crt := certificate{}
	cert, err := base64.StdEncoding.DecodeString(b64cert)
	if err != nil {
		return crt, errors.New("unable to decode base64 certificate")
	}
	key, err := base64.StdEncoding.DecodeString(b64key)
	if err != nil {
		return crt, errors.New("unable to decode base64 private key")
	}
	decodedCert, _ := pem.Decode(cert)
	if decodedCert == nil {
		return crt, errors.New("unable to decode certificate")
	}
	if _, err := x509.ParseCertificate(decodedCert.Bytes); err != nil {
		return crt, fmt.Errorf("error parsing certificate: decodedCert.Bytes: %s", err) //nolint:errorlint // sprig's text
	}
	if _, err := parsePrivateKeyPEM(string(key)); err != nil {
		return crt, fmt.Errorf("error parsing private key: %s", err) //nolint:errorlint // sprig's text
	}
	crt.Cert, crt.Key = string(cert), string(key)
	return crt, nil
}

// genCA is sprig crypto.go generateCertificateAuthorityWithKeyInternal.
func (d *deterministic) genCA(cn string, daysValid int, priv crypto.PrivateKey) (certificate, error) {
	template, err := d.baseCertTemplate(cn, nil, nil, daysValid)
	if err != nil {
		return certificate{}, err
	}
	template.KeyUsage = x509.KeyUsageKeyEncipherment | x509.KeyUsageDigitalSignature | x509.KeyUsageCertSign
	template.IsCA = true
	var ca certificate
	ca.Cert, ca.Key, err = certAndKey(template, priv, template, priv)
	return ca, err
}

func (d *deterministic) genCAWithKey(cn string, daysValid int, privPEM string) (certificate, error) {
	priv, err := parsePrivateKeyPEM(privPEM)
	if err != nil {
		return certificate{}, fmt.Errorf("parsing private key: %s", err) //nolint:errorlint // sprig's text
	}
	return d.genCA(cn, daysValid, priv)
}

// selfSigned is sprig crypto.go generateSelfSignedCertificateWithKeyInternal.
func (d *deterministic) selfSigned(cn string, ips, alternateDNS []any, daysValid int, priv crypto.PrivateKey) (certificate, error) {
	template, err := d.baseCertTemplate(cn, ips, alternateDNS, daysValid)
	if err != nil {
		return certificate{}, err
	}
	var cert certificate
	cert.Cert, cert.Key, err = certAndKey(template, priv, template, priv)
	return cert, err
}

func (d *deterministic) genSelfSignedCert(cn string, ips, alternateDNS []any, daysValid int) (certificate, error) {
	return d.selfSigned(cn, ips, alternateDNS, daysValid, fixedRSA(2048))
}

func (d *deterministic) genSelfSignedCertWithKey(cn string, ips, alternateDNS []any, daysValid int, privPEM string) (certificate, error) {
	priv, err := parsePrivateKeyPEM(privPEM)
	if err != nil {
		return certificate{}, fmt.Errorf("parsing private key: %s", err) //nolint:errorlint // sprig's text
	}
	return d.selfSigned(cn, ips, alternateDNS, daysValid, priv)
}

// signed is sprig crypto.go generateSignedCertificateWithKeyInternal.
func (d *deterministic) signed(cn string, ips, alternateDNS []any, daysValid int, ca certificate, priv crypto.PrivateKey) (certificate, error) {
	decoded, _ := pem.Decode([]byte(ca.Cert))
	if decoded == nil {
		return certificate{}, errors.New("unable to decode certificate")
	}
	signerCert, err := x509.ParseCertificate(decoded.Bytes)
	if err != nil {
		return certificate{}, fmt.Errorf("error parsing certificate: decodedSignerCert.Bytes: %s", err) //nolint:errorlint // sprig's text
	}
	signerKey, err := parsePrivateKeyPEM(ca.Key)
	if err != nil {
		return certificate{}, fmt.Errorf("error parsing private key: %s", err) //nolint:errorlint // sprig's text
	}
	template, err := d.baseCertTemplate(cn, ips, alternateDNS, daysValid)
	if err != nil {
		return certificate{}, err
	}
	var cert certificate
	cert.Cert, cert.Key, err = certAndKey(template, priv, signerCert, signerKey)
	return cert, err
}

func (d *deterministic) genSignedCert(cn string, ips, alternateDNS []any, daysValid int, ca certificate) (certificate, error) {
	return d.signed(cn, ips, alternateDNS, daysValid, ca, fixedRSA(2048))
}

func (d *deterministic) genSignedCertWithKey(cn string, ips, alternateDNS []any, daysValid int, ca certificate, privPEM string) (certificate, error) {
	priv, err := parsePrivateKeyPEM(privPEM)
	if err != nil {
		return certificate{}, fmt.Errorf("parsing private key: %s", err) //nolint:errorlint // sprig's text
	}
	return d.signed(cn, ips, alternateDNS, daysValid, ca, priv)
}

// certAndKey is sprig crypto.go getCertAndKey with no random source:
// RSA PKCS #1 v1.5 and Ed25519 signatures are deterministic, and Go's
// ECDSA signs deterministically (RFC 6979) when rand is nil.
func certAndKey(template *x509.Certificate, signeeKey crypto.PrivateKey, parent *x509.Certificate, signingKey crypto.PrivateKey) (string, string, error) {
	signeePubKey, err := getPublicKey(signeeKey)
	if err != nil {
		return "", "", fmt.Errorf("error retrieving public key from signee key: %s", err) //nolint:errorlint // sprig's text
	}
	der, err := x509.CreateCertificate(nil, template, parent, signeePubKey, signingKey)
	if err != nil {
		return "", "", fmt.Errorf("error creating certificate: %s", err) //nolint:errorlint // sprig's text
	}
	var certBuf, keyBuf bytes.Buffer
	if err := pem.Encode(&certBuf, &pem.Block{Type: "CERTIFICATE", Bytes: der}); err != nil {
		return "", "", fmt.Errorf("error pem-encoding certificate: %s", err) //nolint:errorlint // sprig's text
	}
	if err := pem.Encode(&keyBuf, pemBlockForKey(signeeKey)); err != nil {
		return "", "", fmt.Errorf("error pem-encoding key: %s", err) //nolint:errorlint // sprig's text
	}
	return certBuf.String(), keyBuf.String(), nil
}

// baseCertTemplate is sprig crypto.go getBaseCertTemplate with the serial
// from the stream and FixedNow.
func (d *deterministic) baseCertTemplate(cn string, ips, alternateDNS []any, daysValid int) (*x509.Certificate, error) {
	ipAddresses, err := netIPs(ips)
	if err != nil {
		return nil, err
	}
	dnsNames, err := alternateDNSStrs(alternateDNS)
	if err != nil {
		return nil, err
	}
	serial := make([]byte, 16) // sprig: rand.Int below 2^128
	_, _ = io.ReadFull(d, serial)
	now := FixedNow()
	return &x509.Certificate{
		SerialNumber:          new(big.Int).SetBytes(serial),
		Subject:               pkix.Name{CommonName: cn},
		IPAddresses:           ipAddresses,
		DNSNames:              dnsNames,
		NotBefore:             now,
		NotAfter:              now.Add(time.Hour * 24 * time.Duration(daysValid)),
		KeyUsage:              x509.KeyUsageKeyEncipherment | x509.KeyUsageDigitalSignature,
		ExtKeyUsage:           []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth, x509.ExtKeyUsageClientAuth},
		BasicConstraintsValid: true,
	}, nil
}

// netIPs is sprig crypto.go getNetIPs.
func netIPs(ips []any) ([]net.IP, error) {
	if ips == nil {
		return []net.IP{}, nil
	}
	out := make([]net.IP, len(ips))
	for i, ip := range ips {
		s, ok := ip.(string)
		if !ok {
			return nil, fmt.Errorf("error parsing ip: %v is not a string", ip)
		}
		if out[i] = net.ParseIP(s); out[i] == nil {
			return nil, fmt.Errorf("error parsing ip: %s", s)
		}
	}
	return out, nil
}

// alternateDNSStrs is sprig crypto.go getAlternateDNSStrs.
func alternateDNSStrs(alternateDNS []any) ([]string, error) {
	if alternateDNS == nil {
		return []string{}, nil
	}
	out := make([]string, len(alternateDNS))
	for i, dns := range alternateDNS {
		s, ok := dns.(string)
		if !ok {
			return nil, fmt.Errorf("error processing alternate dns name: %v is not a string", dns)
		}
		out[i] = s
	}
	return out, nil
}

// encryptAES is sprig crypto.go encryptAES with the IV from the stream.
func (d *deterministic) encryptAES(password, plaintext string) (string, error) {
	if plaintext == "" {
		return "", nil
	}
	key := make([]byte, 32)
	copy(key, password)
	block, err := aes.NewCipher(key)
	if err != nil {
		return "", err
	}
	content := []byte(plaintext)
	padding := block.BlockSize() - len(content)%block.BlockSize()
	content = append(content, bytes.Repeat([]byte{byte(padding)}, padding)...)
	ciphertext := make([]byte, aes.BlockSize+len(content))
	iv := ciphertext[:aes.BlockSize]
	if _, err := io.ReadFull(d, iv); err != nil {
		return "", err
	}
	cipher.NewCBCEncrypter(block, iv).CryptBlocks(ciphertext[aes.BlockSize:], content)
	return base64.StdEncoding.EncodeToString(ciphertext), nil
}
