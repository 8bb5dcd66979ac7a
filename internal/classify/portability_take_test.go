package classify_test

import "testing"

// Data taken along to another shop, said with the data ("ta med dataene
// mine til en annen butikk") rather than with "meg"; a product taken to
// another shop is no such thing.
func TestTakeDataToAnotherShop(t *testing.T) {
	run(t, []tc{
		{"nb: ta med dataene til en annen butikk", "", "Hei, jeg vil ta med dataene mine til en annen butikk. Kan dere sende meg kjøpshistorikken min?", "portability", ""},
		{"nb: ta med kjøpshistorikken over til ny kjede", "", "Jeg vil ta med kjøpshistorikken min over til en ny kjede.", "portability", ""},
		{"nn: ta med opplysningane til ein annan butikk", "", "Eg vil ta med opplysningane mine til ein annan butikk.", "portability", ""},
		{"nb: kjøpt i en annen butikk", "", "Hei, jeg kjøpte vaskemaskinen i en annen butikk, men kan dere hjelpe med garantien likevel?", "none", ""},
		{"nb: ta med varen til en annen butikk", "", "Kan jeg ta med varen til en annen butikk i kjeden for retur? Kvitteringen har jeg.", "none", ""},
	})
}
