package cn.fupin.report;

import io.swagger.v3.oas.annotations.Operation;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The household's 明白卡 as a printable HTML page (A4). */
@Controller
class CardController {

    private final HouseholdCard cards;

    CardController(HouseholdCard cards) {
        this.cards = cards;
    }

    @Operation(summary = "The household's 明白卡: a printable page of what it receives and why (ID numbers masked)")
    @GetMapping(path = "/api/households/{householdId}/card", produces = "text/html")
    String card(@PathVariable String householdId, Model model) {
        model.addAttribute("card", cards.of(householdId));
        return "card";
    }
}
